# Literal patterns: numbers, strings, bytes, None/True/False (compared with `is`), negative and complex.
def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2j:
            return "imaginary two"
        case -1 + 2j:
            return "complex"
        case "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case _:
            return "other"

for value in [0, -1, 1.5, 2j, -1 + 2j, "hello", b"raw", None, True, False, 0.0, 1, "x", 1.0]:
    print(repr(value), "->", describe(value))
