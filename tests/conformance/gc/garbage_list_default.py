# gc.garbage starts empty and stays empty without DEBUG_SAVEALL
import gc

print(gc.garbage)
print(type(gc.garbage).__name__)
a = []
a.append(a)
del a
gc.collect()
print(gc.garbage)
print(gc.DEBUG_SAVEALL, gc.DEBUG_STATS, gc.DEBUG_LEAK)
