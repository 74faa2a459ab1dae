# unpacking in assignments, loops, calls and literals
a, b = 1, 2
a, b = b, a
print(a, b)
first, *mid, last = range(6)
print(first, mid, last)
(x, y), z = (1, 2), 3
print(x, y, z)
for i, (k, v) in enumerate({"p": 1, "q": 2}.items()):
    print(i, k, v)
print(*[1, 2], *"ab", sep="-")
print([*range(3), *[9]], {**{"a": 1}, "b": 2}, (*"xy",))
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    p, q, r = [1, 2]
except ValueError as e:
    print("ValueError:", e)
