import gc
a = [1]
b = {"x": a}
t = (a, b)
print(len(gc.get_referents(t)))
print(gc.get_referents(t)[0] is a)
print(any(r is a for r in gc.get_referents(b)))
