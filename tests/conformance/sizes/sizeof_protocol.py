# sys.getsizeof calls __sizeof__ and adds the gc head (and a managed dict's pre-header): built-in
# __sizeof__ methods, a class's own __sizeof__, its errors, and getsizeof's default.
import sys

print([].__sizeof__(), [1, 2, 3].__sizeof__(), (1,).__sizeof__(), {}.__sizeof__(), {"a": 1}.__sizeof__())
print(set().__sizeof__(), frozenset({1, 2}).__sizeof__(), "abc".__sizeof__(), b"abc".__sizeof__(), bytearray(3).__sizeof__())
print((5).__sizeof__(), (2**100).__sizeof__(), (1.5).__sizeof__(), range(3).__sizeof__(), True.__sizeof__())
l = list(range(10))
print(sys.getsizeof(l) - l.__sizeof__(), sys.getsizeof("x") - "x".__sizeof__())


class Sized:
    def __sizeof__(self):
        return 100


class Slotted:
    __slots__ = ()

    def __sizeof__(self):
        return 7


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "big"


print(sys.getsizeof(Sized()), sys.getsizeof(Slotted()))
for obj in (Negative(), NotInt()):
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(sys.getsizeof(NotInt(), "default"))
try:
    sys.getsizeof(Negative(), "default")
except ValueError as e:
    print("ValueError", e)
