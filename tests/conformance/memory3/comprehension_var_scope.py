import sys
x = "outer"
vals = [x for x in range(3)]
print(vals, x)
lst = [object() for _ in range(3)]
print("refs first", sys.getrefcount(lst[0]))
g = (y * 2 for y in range(3))
print(list(g))
d = {k: k * k for k in range(4)}
print(d)
try:
    print(y)
except NameError as e:
    print(e)
