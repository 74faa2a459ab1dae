# defining __eq__ without __hash__ makes instances unhashable
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

print(Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1))
print(Point.__hash__)
try:
    {Point(1, 2)}
except TypeError as e:
    print("TypeError:", e)
class HPoint(Point):
    def __hash__(self):
        return hash((self.x, self.y))
s = {HPoint(1, 2), HPoint(1, 2), HPoint(3, 4)}
print(len(s))
print(Point(1, 2) == (1, 2))
