# A value pattern calls subject == value (the subject's __eq__ first), one alternative at a time.
class Loud:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        print(f"  {self.name}.__eq__({other!r})")
        return NotImplemented
    __hash__ = None
    def __repr__(self):
        return self.name

class Consts:
    a = Loud("a")
    b = Loud("b")

print("int subject:")
match 3:
    case Consts.a | Consts.b:
        print("matched")
    case _:
        print("no match")

print("Loud subject:")
match Loud("s"):
    case Consts.a:
        print("matched a")
    case 1:
        print("matched 1")
    case _:
        print("no match")
