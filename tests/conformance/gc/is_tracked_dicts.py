# dicts become tracked only when they hold a tracked object
import gc

d = {}
print("empty", gc.is_tracked(d))
d["a"] = 1
d["b"] = "x"
print("atoms", gc.is_tracked(d))
d["c"] = []
print("with list", gc.is_tracked(d))
d["c"] = 2
print("list replaced", gc.is_tracked(d))
gc.collect(0)
print("after collect(0)", gc.is_tracked(d))
gc.collect()
print("after full collect", gc.is_tracked(d))
e = {(1, 2): "tuple key"}
print("tuple key", gc.is_tracked(e))
f = {"k": {"inner": 1}}
print("nested untracked dict", gc.is_tracked(f))
print("literal with list", gc.is_tracked({"x": []}))
