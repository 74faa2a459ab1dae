# Class attribute lookups are cached per type; every change to a class namespace must be seen at once.
import sys


class Base:
    kind = "base"

    def greet(self):
        return "base greet"


class Child(Base):
    pass


c = Child()
print(c.kind, c.greet(), Child.kind)
for _ in range(3):
    print(getattr(c, "missing", "no missing"))

Base.missing = "now in base"
print(c.missing, Child.missing)

Base.kind = "base v2"
print(c.kind)
Child.kind = "child"
print(c.kind, Base().kind)
del Child.kind
print(c.kind)


def new_greet(self):
    return "patched greet"


for i in range(3):
    print(c.greet())
    if i == 1:
        Base.greet = new_greet
setattr(Child, "greet", lambda self: "child greet")
print(c.greet(), Base().greet())
delattr(Child, "greet")
print(c.greet())


class Point:
    def __init__(self, x):
        self.x = x


p = Point(1)
print(p.x)


def init2(self, x):
    self.x = x * 10


Point.__init__ = init2
print(Point(2).x)


def trace_set(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


Point.__setattr__ = trace_set
p.x = 5
print(p.x)
del Point.__setattr__
p.x = 6
print(p.x)


class Descr:
    def __get__(self, obj, cls):
        return "descr value"


q = Point(3)
print(q.x)
Point.x = Descr()
print(q.x)  # a non-data descriptor: the instance attribute wins
Descr.__set__ = lambda self, obj, value: print("descr set", value)
print(q.x)  # now a data descriptor: it wins
q.x = 4
del Descr.__set__
print(q.x)

# Class bodies, nested classes and many classes alive at once.
classes = []
for i in range(50):
    classes.append(type("K%d" % i, (Base,), {"n": i}))
print(sum(k().n for k in classes), classes[7]().kind)
for k in classes:
    k.n = k.n + 1
print(sum(k().n for k in classes))
Base.vars_count = len(vars(Base))
print(classes[3]().vars_count > 0)

# A value held only by a class attribute dies when the attribute is replaced.
class Holder:
    pass


Holder.payload = [1, 2, 3]
print(Holder().payload, sys.getrefcount(Holder.payload))
Holder.payload = "other"
print(Holder().payload)
