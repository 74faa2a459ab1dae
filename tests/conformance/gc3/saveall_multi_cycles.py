import gc
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
class A: pass
class B: pass
a = A(); a.me = a
b = B(); c = B(); b.o = c; c.o = b
l = []; l.append(l)
del a, b, c, l
n = gc.collect()
print("collected", n)
print("garbage", len(gc.garbage))
print(sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
