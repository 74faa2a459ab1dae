# the first iterable of a generator expression is evaluated immediately
xs = [1, 2, 3]
g = (x * 10 for x in xs)
xs = [7, 8, 9]
print(list(g))
ys = [1, 2, 3]
h = (y for y in ys)
ys.append(4)
print(list(h))
try:
    bad = (z for z in 5)
except TypeError as e:
    print("TypeError:", e)
