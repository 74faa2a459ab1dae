# Mapping patterns: dicts and subclasses; extra keys are allowed; **rest gets a new dict of the others.
class MyDict(dict):
    pass

def read(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "named", **rest}:
            return f"named with {sorted(rest)}"
        case {}:
            return f"some mapping of {len(x)}"
        case _:
            return "not a mapping"

for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "named", "a": 1, "b": 2},
          MyDict(type="point", x=5, y=6), {"x": 1}, {}, [("type", "point")], "type", 3]:
    print(read(v))

match {1: "one", 2: "two", 3: "three"}:
    case {1: a, **rest}:
        print("rest:", rest, type(rest).__name__)

match MyDict(a=1):
    case {**everything}:
        print("copy of a subclass:", everything, type(everything).__name__)

match {"k": None}:
    case {"k": None}:
        print("None value matched")

match {"other": 1}:
    case {"k": None}:
        print("no")
    case _:
        print("missing key is not None")
