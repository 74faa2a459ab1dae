# WeakValueDictionary value in a cycle disappears after gc.collect()
import gc
import weakref
class V:
    pass
gc.collect()
cache = weakref.WeakValueDictionary()
v = V()
v.self = v
cache["k"] = v
del v
print("before collect:", list(cache.keys()))
gc.collect()
print("after collect:", list(cache.keys()))
