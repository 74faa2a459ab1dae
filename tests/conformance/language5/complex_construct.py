# complex(): numbers, strings (CPython's grammar: optional parentheses, j alone, underscores between digits),
# __complex__/__float__/__index__, keywords, and the constructor's errors.
class Half:
    def __float__(self):
        return 0.5


class Seven:
    def __index__(self):
        return 7


class Turn:
    def __complex__(self):
        return 1j


print("numbers", complex(), complex(1, 2), complex(1.5), complex(True, False), complex(1j, 1j), complex(2j, 3))
print("keywords", complex(real=1, imag=2), complex(imag=2), complex(1, imag=-0.0))
print("protocols", complex(Half()), complex(Half(), Seven()), complex(Turn()), complex(Turn(), 2))
for text in ["1+2j", " 3j ", "-1.5e3-2j", "j", "-J", "1+j", "(1+2j)", " ( 1-2j ) ", "1_0j", "infj", "-inf+nanj",
             ".5j", "5.j", "1e5", "1+", "1 + 2j", "(1j", "1e", "", "1__0j", "_1j", "0x1j"]:
    try:
        print(repr(text), complex(text))
    except ValueError as e:
        print(repr(text), "ValueError:", e)
for args, kwargs in [(("1", 2), {}), ((1, "2"), {}), (([],), {}), ((1, []), {}), ((b"1",), {}), ((1, 2, 3), {}),
                     ((), {"real": 1, "imag": 2, "x": 3}), ((1,), {"real": 2}), ((), {"x": 1}), ((10**400,), {})]:
    try:
        complex(*args, **kwargs)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
z = 3 + 4j
print("identity", complex(z) is z, +z is z, -z, z.conjugate(), z.real, z.imag)


class Bad:
    def __complex__(self):
        return 5


try:
    complex(Bad())
except TypeError as e:
    print("TypeError", e)
