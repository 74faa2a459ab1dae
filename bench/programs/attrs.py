# Attribute-heavy objects: create, read and update instance attributes.
class Point:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
        self.tag = 0


def run(n):
    points = []
    for i in range(n):
        points.append(Point(i, i * 2, i * 3))
    total = 0
    for rnd in range(5):
        for p in points:
            p.tag = p.tag + 1
            total = total + p.x + p.y - p.z + p.tag
    return total


print("attrs", run(200000))
