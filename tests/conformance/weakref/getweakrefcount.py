# getweakrefcount follows the weakrefs that exist
import weakref

class Obj:
    pass

def cb(r):
    pass

o = Obj()
print(weakref.getweakrefcount(o))
r1 = weakref.ref(o, cb)
print(weakref.getweakrefcount(o))
r2 = weakref.ref(o, cb)
print(weakref.getweakrefcount(o))
del r1
print(weakref.getweakrefcount(o))
p = weakref.proxy(o)
print(weakref.getweakrefcount(o))
print(weakref.getweakrefcount(5), weakref.getweakrefcount([]))
