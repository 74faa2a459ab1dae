def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), **{"a": 1}, b=2))
print([*range(3), *"ab"], (*[1], 2), {*[1, 1, 2]}, {**{"a": 1}, "b": 2})
print(*[1, 2, 3], sep="-")
def g(a, b, c=3, *, d=4):
    return a, b, c, d
print(g(*[1, 2]), g(1, *[2, 9], d=0))
