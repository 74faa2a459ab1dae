# a cycle passing through an instance dict, a list and a dict
import gc
class C:
    pass
gc.collect()
c = C()
c.items = [{"back": c}]
del c
print("collected:", gc.collect())
d = {"l": []}
d["l"].append(d)
del d
print("collected:", gc.collect())
