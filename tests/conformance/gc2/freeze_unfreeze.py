# frozen objects are ignored by collections
import gc
gc.collect()
class C:
    pass
x = C()
x.self = x
gc.freeze()
print("frozen > 0:", gc.get_freeze_count() > 0)
del x
print("collected while frozen:", gc.collect())
gc.unfreeze()
print("frozen after unfreeze:", gc.get_freeze_count())
print("collected after unfreeze:", gc.collect())
