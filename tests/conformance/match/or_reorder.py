# Alternatives that bind names in different orders still store the right values.
def swap(x):
    match x:
        case [1, a, b] | [2, b, a] | {"first": a, "second": b} | {"second": b, "first": a, "x": _}:
            return a, b
    return None

print(swap([1, "a", "b"]))
print(swap([2, "b", "a"]))
print(swap({"first": "a", "second": "b"}))
print(swap([3, 0, 0]))

def nested(x):
    match x:
        case ([p, q] | (q, p, _)) as whole:
            return p, q, whole
    return None

print(nested([1, 2]))
print(nested((2, 1, 0)))
