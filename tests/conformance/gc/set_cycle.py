# set -> instance -> set
import gc

class Item:
    pass

gc.collect()
s = set()
it = Item()
it.owner = s
s.add(it)
del s, it
print("collected:", gc.collect())
