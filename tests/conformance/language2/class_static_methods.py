# classmethod receives the class, staticmethod receives nothing
class Shape:
    count = 0
    def __init__(self):
        Shape.count += 1
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def area_of_square(side):
        return side * side
    def __repr__(self):
        return type(self).__name__ + "()"
class Square(Shape):
    pass

print(Shape.create(), Square.create())
print(Square().create())
print(Shape.area_of_square(4), Square().area_of_square(5))
print(Shape.count)
