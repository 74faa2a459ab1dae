# set operations (only ints printed, so order is deterministic)
s = {3, 1, 2}
t = {2, 3, 4}
print(s, t)
print(s | t, s & t, s - t, s ^ t)
print(s <= {1, 2, 3, 4}, s < s, s.isdisjoint({9}), 2 in s)
s.add(10)
s.discard(1)
s.remove(2)
print(s, len(s))
print(set(), set([1, 1, 2]), frozenset([5, 4]), {x % 3 for x in range(10)})
print(sorted({"pear", "apple", "fig"}))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
