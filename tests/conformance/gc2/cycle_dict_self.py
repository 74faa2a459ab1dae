# a dict containing itself
import gc
gc.collect()
d = {}
d["self"] = d
print(d)
del d
print("collected:", gc.collect())
l = []
l.append(l)
l.append([l])
print(l)
del l
print("collected:", gc.collect())
