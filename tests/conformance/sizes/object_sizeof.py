# object.__sizeof__ on instances: the type's basic size (slots, __weakref__, an exception's fields), without
# the gc head and managed-dict pre-header that sys.getsizeof adds.
import sys


class A:
    pass


class S:
    __slots__ = ("a",)


class W:
    __slots__ = ("a", "b", "__weakref__")


class E(Exception):
    pass


for obj in (A(), S(), W(), E(), ValueError("x"), object()):
    print(type(obj).__name__, obj.__sizeof__(), sys.getsizeof(obj) - obj.__sizeof__())
