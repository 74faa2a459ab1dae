# two lists pointing at each other
import gc

gc.collect()
a = [1]
b = [2]
a.append(b)
b.append(a)
print(a, b)
del a
print("b still reachable:", gc.collect())
del b
print("collected:", gc.collect())
