# with gc disabled, generation 0 grows past its threshold
import gc

gc.collect()
gc.disable()
keep = []
for i in range(2000):
    keep.append([i])
print(gc.get_count()[0] > gc.get_threshold()[0])
print("collected:", gc.collect())
print(gc.get_count()[0] < 10)
gc.enable()
