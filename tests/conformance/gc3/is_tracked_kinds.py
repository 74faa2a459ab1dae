import gc
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
print(gc.is_tracked((1, 2)), gc.is_tracked(([],)))
class A: pass
print(gc.is_tracked(A()))
