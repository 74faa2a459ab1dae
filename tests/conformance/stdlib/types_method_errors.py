# MethodType binds any callable to an instance; the bound method keeps both alive.
import sys
import types


class Box:
    pass


def describe(self, extra=""):
    return f"Box at work{extra}"


b = Box()
before = sys.getrefcount(b)
m = types.MethodType(describe, b)
print(m(), m("!"), m.__self__ is b, m.__func__ is describe, sys.getrefcount(b) - before)
del m
print(sys.getrefcount(b) - before)
for args in [(describe,), (1, b), (describe, None), (describe, b, 3)]:
    try:
        types.MethodType(*args)
    except TypeError as e:
        print("TypeError", e)
