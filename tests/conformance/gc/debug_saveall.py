# DEBUG_SAVEALL keeps the garbage in gc.garbage instead of freeing it
import gc

gc.collect()
print(gc.garbage, gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
a = ["a"]
b = ["b"]
a.append(b)
b.append(a)
del a, b
print("collected:", gc.collect())
print(len(gc.garbage))
print(sorted(x[0] for x in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print("saved lists freed:", gc.collect())
