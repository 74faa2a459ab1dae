# dict keys and values hold references
import sys

class Key:
    pass

k = Key()
v = [1, 2]
d = {}
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print(sys.getrefcount(k), sys.getrefcount(v))
d["other"] = v
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = None
print(sys.getrefcount(k), sys.getrefcount(v))
del d[k]
print(sys.getrefcount(k), sys.getrefcount(v))
d.clear()
print(sys.getrefcount(k), sys.getrefcount(v))
