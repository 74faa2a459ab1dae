import sys, weakref
class T:
    pass
def gen():
    t = T()
    yield weakref.ref(t)
    yield 2
g = gen()
r = next(g)
print("alive while suspended", r() is not None)
g.close()
print("alive after close", r() is not None)
