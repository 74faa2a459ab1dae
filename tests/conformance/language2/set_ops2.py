# set operations printed sorted
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, a < a, a.isdisjoint({9}), {3} < a)
a.add(10); a.discard(1); a.discard(99)
print(sorted(a))
a.remove(2)
try:
    a.remove(2)
except KeyError as e:
    print("KeyError:", e)
print(sorted(a.union([7], (8,))), sorted(a.intersection(range(4))))
s = set()
print(s, len(s), bool(s), set([3, 3, 3]))
print(sorted(frozenset([1, 2]) | {3}), type(frozenset([1]) | {3}).__name__)
print(a.pop() in {3, 4, 10})
