# seed 002: two lists referring to each other
import gc
import sys

gc.collect()
a = []
b = []
a.append(b)
b.append(a)
print(a)
print(b)
print(sys.getrefcount(a), sys.getrefcount(b))
del a, b
print(gc.collect())
