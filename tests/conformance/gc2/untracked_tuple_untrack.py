# tuples of atoms get untracked during a collection
import gc
def build():
    return tuple(range(3))
t = build()
print("before:", gc.is_tracked(t))
gc.collect()
print("after:", gc.is_tracked(t))
m = (t, "x")
gc.collect()
print("tuple of untracked tuple:", gc.is_tracked(m))
n = ([],)
gc.collect()
print("tuple of list:", gc.is_tracked(n))
