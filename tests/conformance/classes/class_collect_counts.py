# A class is a web of objects: the type, its dict, its __mro__ and __bases__ tuples, the __dict__/__weakref__
# descriptors, slot descriptors and the functions in its body. Deleting it leaves a cycle for gc.collect().
import gc

gc.collect()


class A:
    def method(self):
        pass


del A
print("plain class with a method:", gc.collect())


class S:
    __slots__ = ("x",)


del S
print("slotted class:", gc.collect())


class Base:
    pass


class Derived(Base):
    pass


del Base, Derived
print("base and subclass:", gc.collect())


class E(Exception):
    pass


del E
print("exception subclass:", gc.collect())

gc.set_debug(gc.DEBUG_SAVEALL)


class Parent:
    def f(self):
        pass


class Kid(Parent):
    __slots__ = ("a", "b")


del Parent, Kid
print("saved:", gc.collect())
for o in gc.garbage:
    if isinstance(o, dict):
        shown = sorted(o)
    elif type(o).__name__ == "function":
        shown = o.__qualname__
    else:
        shown = o
    print(type(o).__name__, shown)
gc.set_debug(0)
gc.garbage.clear()
