# a weakref to an object in a cycle is cleared by the collection
import gc
import weakref

class N:
    pass

gc.collect()
n = N()
n.self = n
r = weakref.ref(n)
del n
print(r() is not None)
print("collected:", gc.collect())
print(r())
