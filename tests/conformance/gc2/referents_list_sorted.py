# get_referents of containers, printed as sorted reprs
import gc
a = [3, "x", (1, 2)]
print(sorted(repr(r) for r in gc.get_referents(a)))
d = {"k": [1], "j": 2}
print(sorted(repr(r) for r in gc.get_referents(d)))
t = (a, d)
print(len(gc.get_referents(t)), gc.get_referents(t)[0] is a)
print(gc.get_referents(1, "s", 2.0))
s = {5, 6}
print(sorted(gc.get_referents(s)))
print(len(gc.get_referents(a, d)))
