# two independent cycles, one reachable from the other
import gc
class N:
    pass
gc.collect()
a, b = N(), N()
a.b, b.a = b, a
c, d = N(), N()
c.d, d.c = d, c
a.other = c
del b, c, d
print("with a alive:", gc.collect())
del a
print("after del a:", gc.collect())
