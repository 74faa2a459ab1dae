# tuples are tracked when built and untracked by a collection if they hold only atoms
import gc

t = tuple([1, 2, 3])
u = tuple([1, [2]])
v = tuple(["a", (4, 5)])
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
w = tuple([t, t])
print(gc.is_tracked(w))
gc.collect()
print(gc.is_tracked(w))
print("constant", gc.is_tracked((1, 2)))
