# gc.is_finalized becomes True after __del__ ran during a collection
import gc
class R:
    def __del__(self):
        print("del R")
        keep.append(self)
keep = []
gc.collect()
r = R()
r.me = r
print("before:", gc.is_finalized(r))
del r
gc.collect()
print("resurrected:", len(keep), gc.is_finalized(keep[0]))
keep.clear()
print("second collect:", gc.collect())
