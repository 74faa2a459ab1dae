# a dict of atoms is untracked until it gets a container
import gc
d = {"a": 1, "b": "x"}
print("atoms:", gc.is_tracked(d))
d["c"] = (1, 2)
print("with atomic tuple value:", gc.is_tracked(d))
d["l"] = [1]
print("with list:", gc.is_tracked(d))
del d["l"]
print("list removed:", gc.is_tracked(d))
e = {}
print("empty:", gc.is_tracked(e))
e[(1, 2)] = 3
print("tuple key:", gc.is_tracked(e))
f = dict(a=[])
print("dict(a=[]):", gc.is_tracked(f))
