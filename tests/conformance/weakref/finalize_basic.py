# weakref.finalize calls its function once when the object dies
import weakref

class Obj:
    pass

o = Obj()
f = weakref.finalize(o, print, "finalizer called", 1, 2)
print(f.alive)
del o
print(f.alive)
print(f())
