# Sequence patterns match list, tuple, range and their subclasses, never str, bytes, bytearray, dict or set.
class MyList(list):
    pass

class MyTuple(tuple):
    pass

def kind(x):
    match x:
        case []:
            return "empty sequence"
        case [_]:
            return "one item"
        case [*_]:
            return "longer sequence"
        case _:
            return "not a sequence"

for v in [[], (), [1], (1,), range(1), range(3), MyList([1, 2]), MyTuple(()), "", "a", "abc",
          b"ab", bytearray(b"a"), {1: 2}, {1}, frozenset(), 5, iter([1])]:
    print(type(v).__name__, repr(v) if not hasattr(v, "__next__") else "<iterator>", "->", kind(v))
