import gc, weakref
gc.collect()
class A: pass
a = A(); b = A()
a.b = b; b.a = a
ra = weakref.ref(a)
del a, b
print("alive before", ra() is not None)
gc.collect()
print("alive after", ra() is not None)
