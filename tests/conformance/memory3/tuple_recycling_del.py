# A recycled tuple releases the previous items only when it is refilled: their finalizers run at the
# next step of the loop, and a kept result forces a fresh tuple.
import gc


class Loud:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def make(n):
    return [Loud(f"x{i}") for i in range(n)]


items = make(3)
it = enumerate(items)
del items
for i, obj in it:
    print("step", i, obj.name)
    del obj
print("loop done")
del it
print("iterator dropped")

pairs = zip(make(2), make(2))
kept = next(pairs)
second = next(pairs)
print(kept is second, [o.name for o in kept], [o.name for o in second])
del pairs, kept, second
print("zip dropped")

d = {Loud("k1"): Loud("v1"), Loud("k2"): Loud("v2")}
it = iter(d.items())
first = next(it)
print(first[0].name, gc.is_tracked(first), len(gc.get_referents(it)))
del first
second = next(it)
print(second[1].name)
del d, second
print("dict dropped")
del it
print("end")
