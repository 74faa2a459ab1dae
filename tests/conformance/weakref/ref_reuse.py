# weakref.ref without callback is shared; with a callback it is new
import weakref

class Obj:
    pass

def cb(r):
    pass

o = Obj()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
r3 = weakref.ref(o, cb)
print(r1 is r2, r1 is r3)
print(weakref.getweakrefcount(o))
print(len(weakref.getweakrefs(o)))
print(hash(r1) == hash(o))
