# A <-> B instances: 3.11 keeps attributes inline, so only the two instances are found
import gc

class A:
    pass

class B:
    pass

gc.collect()
a = A()
b = B()
a.b = b
b.a = a
del a, b
print("collected:", gc.collect())
