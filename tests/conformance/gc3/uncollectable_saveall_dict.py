import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
d = {}
d["self"] = d
t = [d]
d["t"] = t
del d, t
print(gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
