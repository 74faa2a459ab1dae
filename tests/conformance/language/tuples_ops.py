# tuple operations
t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t)
print((1,), (), tuple("ab"), tuple([1, [2]]), t.index(3), t.count(1))
a, b, c = t
print(a, b, c)
print((1, 2) < (1, 3), (1, 2) == (1, 2), max((3, 1), (2, 9)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
