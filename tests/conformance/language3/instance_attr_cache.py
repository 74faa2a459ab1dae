# Attribute reads and writes at one site are cached per class; every way a class or an instance can change
# what `o.name` means must still be seen.


class A:
    def __init__(self, v):
        self.v = v


class B:
    v = "class B value"


def read(o):
    return o.v


def write(o, value):
    o.v = value


a = A(1)
for _ in range(3):
    print(read(a))
write(a, 2)
print(read(a))

# Polymorphic site: instances of several classes, and a class attribute.
b = B()
print(read(b), read(a), read(b))
write(b, "instance value")
print(read(b), B.v)

# A property added to the class later wins over the instance value.
A.v = property(lambda self: "property", lambda self, value: print("setter", value))
print(read(a))
write(a, 3)
del A.v
print(read(a))

# __setattr__ added later, then removed.
def loud_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


A.__setattr__ = loud_setattr
write(a, 4)
del A.__setattr__
write(a, 5)
print(read(a))

# A base class gains the attribute as a data descriptor.
class Base:
    pass


class Child(Base):
    def __init__(self):
        self.v = "own"


c = Child()
print(read(c))


class Descr:
    def __get__(self, obj, cls):
        return "descr get"

    def __set__(self, obj, value):
        print("descr set", value)


Base.v = Descr()
print(read(c))
write(c, 6)
del Base.v
print(read(c))

# The instance's __dict__ materialised, then changed directly.
d = A(7)
print(read(d))
vars(d)["v"] = 8
print(read(d))
write(d, 9)
print(d.__dict__)

# Deleting and re-adding attributes moves them in the inline values.
e = A(10)
e.w = "w"
print(read(e), e.w)
del e.v
try:
    read(e)
except AttributeError as exc:
    print("AttributeError:", exc)
write(e, 11)
print(read(e), list(vars(e)))

# __slots__ and exceptions.
class Slotted:
    __slots__ = ("v",)


s = Slotted()
write(s, 13)
print(read(s))
try:
    s.other = 1
except AttributeError as exc:
    print("AttributeError:", exc)

err = ValueError("x")
write(err, 14)
print(read(err), err.args)

# Many classes through one site.
classes = [type("C%d" % i, (), {}) for i in range(20)]
objs = [k() for k in classes]
for i, o in enumerate(objs):
    write(o, i)
print(sum(read(o) for o in objs))
classes[5].v = "class attr does not shadow"
print(read(objs[5]))
