# get_count right after a collection and after allocating tracked objects
import gc

gc.collect()
c0 = gc.get_count()
lists = [[], [], [], [], []]
c1 = gc.get_count()
ints = [1000 + i for i in range(20)]
c2 = gc.get_count()
print(c0)
print(c1[0] - c0[0], c1[1:])
print(c2[0] - c1[0], c2[1:])
gc.collect()
print(gc.get_count())
