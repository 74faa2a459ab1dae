import gc, weakref
gc.collect()
class K:
    pass
d = weakref.WeakKeyDictionary()
k1 = K(); k2 = K()
d[k1] = 1; d[k2] = 2
k2.cyc = k2
del k1
print(len(d))
del k2
print(len(d))
gc.collect()
print(len(d))
