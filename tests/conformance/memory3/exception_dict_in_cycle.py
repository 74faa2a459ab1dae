import gc
gc.disable()
class A: pass
a = A(); a.t = ("x",); a.me = a
del a
print(gc.collect())
try:
    raise ValueError("boom")
except ValueError as e:
    v = e
v.me = v
del v
print(gc.collect())
