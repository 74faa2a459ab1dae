# OR patterns: first matching alternative wins; every alternative binds the same names.
def classify(x):
    match x:
        case 1 | 2 | 3:
            return "small"
        case (0, y) | (y, 0):
            return f"on an axis at {y}"
        case [a, b] | [a, b, _] | {"a": a, "b": b}:
            return f"a={a} b={b}"
        case str() | bytes():
            return "text"
        case _:
            return "other"

for v in [2, (0, 5), (7, 0), (0, 0), [1, 2], [3, 4, 5], {"a": 6, "b": 7}, "s", b"b", 9.5]:
    print(repr(v), "->", classify(v))

match (1, 2, 3):
    case (a, b, c) | (c, b, a) if a > c:
        print("reordered", a, b, c)
    case (a, b, c) | (c, b, a):
        print("second alternative's order not used", a, b, c)
