# many independent cycles are all found by one collection
import gc

gc.collect()
for i in range(100):
    a = [i]
    b = [a]
    a.append(b)
del a, b
print("collected:", gc.collect())
print("again:", gc.collect())
