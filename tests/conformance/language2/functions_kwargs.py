# positional-only, keyword-only, *args, **kwargs
def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4))
print(f(1, 2, 3, 4, 5, d=6, z=7))
def g(*, key):
    return key
print(g(key="k"))
try:
    g("k")
except TypeError as ex:
    print("TypeError:", ex)
try:
    f(1, b=2, d=1)
except TypeError as ex:
    print("TypeError:", ex)
try:
    f(1, 2, 3, c=4, d=1)
except TypeError as ex:
    print("TypeError:", ex)
args = (1, 2)
kwargs = {"d": 9, "x": 0}
print(f(*args, **kwargs))
