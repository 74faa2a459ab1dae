# classes, __init__, __repr__ and __str__
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

p = Point(1, 2)
print(p, repr(p), str(p), [p], f"{p}", f"{p!r}")
print(p.moved(3, 4), type(p).__name__, isinstance(p, Point))
p.z = 5
print(sorted(vars(p)), p.__dict__)
print(Point.__name__, Point.__qualname__, Point.moved.__name__)
