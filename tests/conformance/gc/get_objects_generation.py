# get_objects(generation) lists a generation's objects
import gc

def in_gen(obj, gen):
    return any(o is obj for o in gc.get_objects(gen))

gc.collect()
L = [1, 2]
print(in_gen(L, 0), in_gen(L, 1), in_gen(L, 2))
gc.collect(0)
print(in_gen(L, 0), in_gen(L, 1), in_gen(L, 2))
gc.collect(1)
print(in_gen(L, 0), in_gen(L, 1), in_gen(L, 2))
print(any(o is L for o in gc.get_objects()))
