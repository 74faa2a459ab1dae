# Guards run after the captures are bound; a failed guard moves on to the next case, captures stay bound.
def log(msg, result):
    print("  guard:", msg)
    return result

def check(x):
    match x:
        case [a, b] if log(f"a={a} b={b}", a > b):
            return "descending pair"
        case [a, b] if log(f"again a={a}", False):
            return "never"
        case [*items] if log("items", not items):
            return "empty"
        case n if log(f"n={n!r}", isinstance(n, int)):
            return "int"
        case _ if log("default guard", True):
            return "guarded default"

for v in [[2, 1], [1, 2], [], "s"]:
    print(repr(v))
    print(" ->", check(v))

def leftovers():
    match [1, 2]:
        case [a, b] if a > b:
            pass
        case _:
            pass
    return a, b

print("bound by a failed guard:", leftovers())
