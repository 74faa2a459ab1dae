from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print("point", p, p.x, p.y, p[0], len(p), tuple(p))
print("fields", Point._fields, Point.__name__, Point.__module__, Point.__doc__)
print("asdict", p._asdict(), "replace", p._replace(x=10), "make", Point._make([5, 6]))
print("tuple", isinstance(p, tuple), p == (1, 2), hash(p) == hash((1, 2)), p + (3,))
x, y = p
print("unpack", x, y)
Color = namedtuple("Color", ["red", "green", "blue"], defaults=[0, 255])
print("defaults", Color(1), Color._field_defaults)
R = namedtuple("R", "a, _b, class, a", rename=True)
print("renamed", R._fields)
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("missing", lambda: Point(1))
attempt("too many", lambda: Point(1, 2, 3))
attempt("make", lambda: Point._make([1]))
attempt("replace", lambda: p._replace(z=1))
attempt("duplicate", lambda: namedtuple("B", "a a"))
attempt("underscore", lambda: namedtuple("B", "_a"))
attempt("keyword", lambda: namedtuple("B", "def"))
attempt("identifier", lambda: namedtuple("1B", "a"))
attempt("set", lambda: setattr(p, "x", 5))
attempt("no dict", lambda: p.__dict__)
