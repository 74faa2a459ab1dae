# gc.disable/enable/isenabled
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.disable()
L = []
L.append(L)
del L
print("manual collect works while disabled:", gc.collect())
gc.enable()
print(gc.isenabled())
