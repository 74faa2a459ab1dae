# a weakref that is itself part of the garbage does not get its callback called
import gc
import weakref

class Obj:
    pass

def cb(ref):
    print("must not be printed")

gc.collect()
o = Obj()
o.me = o
o.wr = weakref.ref(o, cb)
del o
print("collected:", gc.collect())
print("end")
