# Classes are heap types (with a shared-keys table when their instances have a managed dict); instances are
# their struct: base layout, slots, __weakref__, the gc head and the managed-dict pre-header.
import sys


class Plain:
    pass


class Child(Plain):
    pass


class Slots:
    __slots__ = ("a", "b")


class SlotsWeak:
    __slots__ = ("a", "__weakref__")


class SlotsDict:
    __slots__ = ("a", "__dict__")


class Err(Exception):
    pass


class SubErr(Err):
    pass


class L(list):
    pass


class D(dict):
    pass


class S(set):
    pass


for cls in (Plain, Child, Slots, SlotsWeak, SlotsDict, Err, SubErr, L, D, S):
    print(cls.__name__, sys.getsizeof(cls), sys.getsizeof(cls()))
print("builtin types", sys.getsizeof(int), sys.getsizeof(object), sys.getsizeof(type), sys.getsizeof(list))
print("object()", sys.getsizeof(object()))
print("exceptions", sys.getsizeof(ValueError("x")), sys.getsizeof(KeyError()), sys.getsizeof(Exception(1, 2)))
l = L()
sizes = []
for i in range(20):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print("list subclass", sizes)
print("list subclass from iterable", sys.getsizeof(L([1, 2, 3])))
