# Class patterns: isinstance check, then positional sub-patterns through __match_args__ and keywords.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point3(x, y, z=0):
            return f"3d flat {x},{y}"
        case Point(x, 0) | Point(0, x):
            return f"axis {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point(y=5):
            return "y is five"
        case Point():
            return "a point"
        case _:
            return "not a point"

for p in [Point(0, 0), Point3(1, 2, 0), Point(3, 0), Point(0, 4), Point(2, 2), Point(1, 5),
          Point3(1, 2, 3), Point(1, 2), (0, 0)]:
    print(where(p))

class NoArgs:
    pass

match NoArgs():
    case NoArgs():
        print("no __match_args__ needed without positional patterns")

class WithAttrs:
    a = "class attribute"

match WithAttrs():
    case WithAttrs(a=value, missing=m):
        print("no")
    case WithAttrs(a=value):
        print("keyword found a", value)
