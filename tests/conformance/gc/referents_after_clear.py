# objects kept by DEBUG_SAVEALL are not cleared: the saved list still holds its items
import gc

gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
a = [1, 2]
a.append(a)
del a
print(gc.collect())
saved = gc.garbage[0]
print(len(saved), saved[2] is saved)
gc.set_debug(0)
gc.garbage.clear()
saved.clear()
print(gc.collect())
