# A module the import programs load: top-level code runs once, at the first import.
print("mod_shapes runs as", __name__)
CACHE = []


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


def make(n):
    s = Square(n)
    CACHE.append(s)
    return s
