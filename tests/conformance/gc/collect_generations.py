# a cycle that was promoted to an older generation survives younger collections
import gc

gc.collect()
a = []
a.append(a)
del a
print("collect(0):", gc.collect(0))

b = []
b.append(b)
gc.collect(0)
del b
print("collect(0) after promotion:", gc.collect(0))
print("collect(1):", gc.collect(1))

c = []
c.append(c)
gc.collect(1)
del c
print("collect(1) after promotion:", gc.collect(1))
print("collect(2):", gc.collect(2))
