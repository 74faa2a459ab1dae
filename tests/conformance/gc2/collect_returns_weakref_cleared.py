# weakrefs to cyclic garbage are cleared by the collection
import gc
import weakref
class Obj:
    pass
gc.collect()
a = Obj()
a.me = a
r = weakref.ref(a)
del a
print("alive before:", r() is not None)
print("collected:", gc.collect())
print("alive after:", r())
