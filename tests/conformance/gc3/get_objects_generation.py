import gc
gc.collect()
class A:
    pass
a = A()
print("in gen0", any(o is a for o in gc.get_objects(0)))
gc.collect(0)
print("in gen1", any(o is a for o in gc.get_objects(1)))
print("in gen0 after", any(o is a for o in gc.get_objects(0)))
gc.collect(1)
print("in gen2", any(o is a for o in gc.get_objects(2)))
