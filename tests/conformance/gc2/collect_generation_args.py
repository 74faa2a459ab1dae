# collect(gen) counts only what that generation holds
import gc
gc.collect()
gc.disable()
a = []
a.append(a)
del a
print("gen0:", gc.collect(0))
b = []
b.append(b)
gc.collect(0)
del b
print("gen0 after promotion:", gc.collect(0))
print("gen1:", gc.collect(1))
gc.enable()
