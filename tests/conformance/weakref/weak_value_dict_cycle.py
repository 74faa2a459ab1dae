# WeakValueDictionary values in a cycle disappear at gc.collect()
import gc
import weakref

class Val:
    pass

gc.collect()
cache = weakref.WeakValueDictionary()
v = Val()
v.me = v
cache["v"] = v
del v
print(len(cache))
print("collected:", gc.collect())
print(len(cache))
