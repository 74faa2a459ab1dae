# Built-in types that match themselves: int(x), str(x), … bind the subject itself.
def what(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case bytes(b) | bytearray(b):
            return f"binary {b!r}"
        case tuple(t):
            return f"tuple {t}"
        case list(l):
            return f"list {l}"
        case dict(d):
            return f"dict {d}"
        case set(s) | frozenset(s):
            return f"set of {len(s)}"
        case _:
            return f"other {type(v).__name__}"

for v in [True, 3, 2.5, "s", b"b", bytearray(b"ba"), (1,), [2], {3: 4}, {5}, frozenset(), None, 1j]:
    print(what(v))

class MyInt(int):
    pass

class Sized(int):
    __match_args__ = ("real",)

match MyInt(7):
    case int(x):
        print("subclass instance through int:", x, type(x).__name__)
match MyInt(8):
    case MyInt(x):
        print("subclass inherits self-matching:", x, type(x).__name__)
match Sized(9):
    case Sized(r):
        print("own __match_args__ wins:", r, type(r).__name__)
match 5:
    case int(real=r, imag=i):
        print("keywords on int:", r, i)
