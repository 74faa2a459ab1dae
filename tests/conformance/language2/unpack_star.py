# extended unpacking with *rest
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abcd"
print(init, last)
a, *mid, z = range(5)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
(x, y), *others = [(1, 2), 3, 4]
print(x, y, others)
head, *tail = [1]
print(head, tail)
print(*[1, 2], *"ab", sep="|")
print([*range(3), *"xy"], {**{"a": 1}, "b": 2})
try:
    a, b, *c, d = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
