import gc, weakref
gc.collect()
class V:
    def __init__(self, n):
        self.n = n
d = weakref.WeakValueDictionary()
vals = [V(i) for i in range(3)]
for v in vals:
    d[v.n] = v
vals[0].me = vals[0]
print(len(d), sorted(d.keys()))
del vals
print(len(d), sorted(d.keys()))
gc.collect()
print(len(d))
