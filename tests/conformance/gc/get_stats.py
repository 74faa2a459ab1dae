# get_stats has one dict per generation; a full collection adds to generation 2
import gc

gc.collect()
stats = gc.get_stats()
print(len(stats))
for s in stats:
    print(sorted(s))
before = gc.get_stats()[2]
a = []
a.append(a)
del a
gc.collect()
after = gc.get_stats()[2]
print(after["collections"] - before["collections"])
print(after["collected"] - before["collected"])
print(after["uncollectable"] - before["uncollectable"])
