# containers of atoms vs containers of containers
import gc
print("list of ints:", gc.is_tracked([1, 2]))
print("empty list:", gc.is_tracked([]))
print("tuple of ints:", gc.is_tracked((1, 2)))
t = tuple([1, 2])
print("runtime tuple of ints:", gc.is_tracked(t))
gc.collect()
print("after collect:", gc.is_tracked(t))
u = tuple([[1]])
gc.collect()
print("tuple holding list after collect:", gc.is_tracked(u))
print("int/str/float:", gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(1.5))
print("set of ints:", gc.is_tracked({1}), "frozenset:", gc.is_tracked(frozenset([1])))
