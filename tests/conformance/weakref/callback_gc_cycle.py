# the callback runs when the referent is freed by the cycle collector
import gc
import weakref

class Obj:
    pass

def cb(ref):
    print("callback during collection")

gc.collect()
o = Obj()
o.me = o
r = weakref.ref(o, cb)
del o
print("still alive:", r() is not None)
print("collected:", gc.collect())
print("after:", r())
