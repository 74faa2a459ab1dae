# allocation of tracked containers raises generation 0 count
import gc
gc.collect()
gc.disable()
c0 = gc.get_count()[0]
keep = [[] for _ in range(10)]
c1 = gc.get_count()[0]
print("delta positive:", c1 - c0 >= 10)
del keep
c2 = gc.get_count()[0]
print("delta after free smaller:", c2 < c1)
gc.collect()
print("after collect:", gc.get_count())
gc.enable()
