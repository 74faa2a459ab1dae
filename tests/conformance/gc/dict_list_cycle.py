# list -> dict -> list
import gc

gc.collect()
L = []
d = {"list": L}
L.append(d)
del L, d
print("collected:", gc.collect())
