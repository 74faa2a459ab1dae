# if the weakref object dies first, its callback is never called
import weakref

class Obj:
    pass

def cb(ref):
    print("must not be printed")

o = Obj()
r = weakref.ref(o, cb)
del r
del o
print("no callback")
