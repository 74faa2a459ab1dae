import gc
gc.collect()
gc.disable()
c0 = gc.get_count()[0]
x = [[] for _ in range(10)]
print(gc.get_count()[0] - c0 >= 10)
gc.collect()
print(gc.get_count())
gc.enable()
