# MATCH_CLASS: isinstance first, then the attributes in pattern order, stopping at the first missing one;
# sub-patterns run only after every attribute was read.
class Spy:
    __match_args__ = ("a", "b")
    def __getattr__(self, name):
        print(f"  getattr {name}")
        if name.startswith("no"):
            raise AttributeError(name)
        return name.upper()

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print(f"  compare {other!r} == {self.v!r}")
        return other == self.v
    __hash__ = None

class Vals:
    A = Eq("A")
    X = Eq("X")

print("missing attribute:")
match Spy():
    case Spy(Vals.A, no_such=1, c=3):
        print("  no")
    case _:
        print("  failed")
print("all attributes, then compare:")
match Spy():
    case Spy(Vals.A, Vals.X, c=Vals.X):
        print("  no")
    case Spy(a, b, c=c):
        print("  bound", a, b, c)
print("not an instance: nothing read")
match 5:
    case Spy(x):
        print("  no")
    case _:
        print("  failed")
