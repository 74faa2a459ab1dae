# a list that contains itself is garbage only the collector can free
import gc

gc.collect()
L = []
L.append(L)
print(L)
del L
print("collected:", gc.collect())
print("again:", gc.collect())
