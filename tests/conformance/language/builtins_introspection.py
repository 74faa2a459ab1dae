# isinstance, issubclass, hasattr, getattr, setattr, delattr, type, callable
class Base:
    pass

class Child(Base):
    attr = 1

c = Child()
print(isinstance(c, Base), isinstance(c, (int, Child)), isinstance(3, int), isinstance(True, int))
print(issubclass(Child, Base), issubclass(bool, int), issubclass(Base, (Child, object)))
print(hasattr(c, "attr"), hasattr(c, "nope"), getattr(c, "attr"), getattr(c, "nope", "dflt"))
setattr(c, "dyn", 42)
print(c.dyn, hasattr(c, "dyn"))
delattr(c, "dyn")
print(hasattr(c, "dyn"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(type(c) is Child, type(c).__name__, type(3).__name__, type("").__name__, type(None).__name__)
print(callable(len), callable(c), callable(Child), type(len).__name__)
print(type(1.5).__name__, type([]).__name__, type({}).__name__, type(()).__name__, type(range(1)).__name__)
