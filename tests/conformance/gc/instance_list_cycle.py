# instance -> list -> instance, plus an innocent list hanging off the cycle
import gc

class Holder:
    pass

gc.collect()
h = Holder()
h.items = [h]
h.extra = [1, 2, 3]
del h
print("collected:", gc.collect())
