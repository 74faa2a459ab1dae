# How many references a class object has: its name, its own __mro__, the __dict__/__weakref__ descriptors
# in its dict, each subclass's __mro__, __bases__ and __base__, and each instance's type pointer.
import sys


class Plain:
    pass


print("plain", sys.getrefcount(Plain))
p = Plain()
print("with one instance", sys.getrefcount(Plain))
q = Plain()
print("with two instances", sys.getrefcount(Plain))
del p, q
print("instances gone", sys.getrefcount(Plain))


class WithMethods:
    def a(self):
        return 1

    def b(self):
        return 2


print("methods do not refer to their class", sys.getrefcount(WithMethods))


class Slotted:
    __slots__ = ("x", "y")


print("slots: one member descriptor each", sys.getrefcount(Slotted))


class SlottedWithDict:
    __slots__ = ("x", "__dict__")


print("slots with __dict__", sys.getrefcount(SlottedWithDict))


class Child(Plain):
    pass


print("parent after one subclass", sys.getrefcount(Plain), "child", sys.getrefcount(Child))


class GrandChild(Child):
    pass


print("parent", sys.getrefcount(Plain), "child", sys.getrefcount(Child), "grandchild", sys.getrefcount(GrandChild))


class Mixin:
    pass


class Both(Plain, Mixin):
    pass


print("mixin", sys.getrefcount(Mixin), "both", sys.getrefcount(Both))


class MyError(Exception):
    pass


print("exception subclass", sys.getrefcount(MyError))


class WithEq:
    def __eq__(self, other):
        return True


print("__eq__ without __hash__", sys.getrefcount(WithEq), WithEq.__hash__)
del Child, GrandChild, Both
print("after deleting the subclasses (still in cycles)", sys.getrefcount(Plain))
import gc

gc.collect()
print("after collecting them", sys.getrefcount(Plain))
