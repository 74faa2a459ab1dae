import weakref
class T:
    pass
def f():
    t = T()
    global r
    r = weakref.ref(t)
    raise ValueError
try:
    f()
except ValueError as e:
    exc = e
print("alive via tb", r() is not None)
del exc
print("alive after del", r() is not None)
