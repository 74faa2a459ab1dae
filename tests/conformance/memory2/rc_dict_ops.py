# dict keys and values each hold references
import sys
k = ("key", 1)
v = ["value"]
d = {k: v}
print("k:", sys.getrefcount(k), "v:", sys.getrefcount(v))
d[k] = v
print("same assignment:", sys.getrefcount(k), sys.getrefcount(v))
d2 = dict(d)
print("dict copy:", sys.getrefcount(k), sys.getrefcount(v))
items = list(d.items())
print("items list:", sys.getrefcount(k), sys.getrefcount(v))
del d2, items
d.clear()
print("cleared:", sys.getrefcount(k), sys.getrefcount(v))
