import sys
k = (1, "key", 2.5)
v = [3]
d = {k: v}
print(sys.getrefcount(k), sys.getrefcount(v))
d2 = dict(d)
print(sys.getrefcount(k), sys.getrefcount(v))
d.clear()
print(sys.getrefcount(k), sys.getrefcount(v))
