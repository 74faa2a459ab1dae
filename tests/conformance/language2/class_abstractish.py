# NotImplementedError in base methods, and instance __dict__ vs class __dict__
class Base:
    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")
    def describe(self):
        return f"{type(self).__name__} with area {self.area()}"
class Sq(Base):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
class Circle(Base):
    pass
print(Sq(3).describe())
try:
    Circle().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Sq(2).__dict__, "area" in Sq.__dict__, "area" in Circle.__dict__)
