# is_finalized becomes True once the collector ran an object's __del__
import gc

survivors = []

class R:
    def __del__(self):
        print("__del__ runs")
        survivors.append(self)

gc.collect()
r = R()
r.me = r
print(gc.is_finalized(r))
del r
print("collected:", gc.collect())
s = survivors[0]
print(gc.is_finalized(s))
print(gc.is_finalized([]), gc.is_finalized(5))
survivors.clear()
del s
print("second time:", gc.collect())
