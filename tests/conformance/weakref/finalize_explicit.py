# calling a finalizer early runs it once and detaches it
import weakref

class Obj:
    pass

def cleanup(tag):
    print("cleanup", tag)
    return tag.upper()

o = Obj()
f = weakref.finalize(o, cleanup, "res")
print(f())
print(f.alive, f())
del o
print("no second call")
g = weakref.finalize(Obj(), cleanup, "temp")
print(g.alive)
