# Instances of subclasses of int, str, tuple, bytes and float: each base type's __sizeof__ (int counts only
# its digits, str a legacy unicode object, tuple and bytes their items after a dict slot), the gc head, and
# the managed-dict pre-header where the subclass has one.
import sys


class S(str):
    pass


class T(tuple):
    pass


class I(int):
    pass


class B(bytes):
    pass


class F(float):
    pass


print([sys.getsizeof(S(x)) for x in ("", "a", "abc", "\xe9", "\u20ac\u20ac", "\U0001f600")])
print([sys.getsizeof(T(range(n))) for n in range(4)])
print([sys.getsizeof(I(x)) for x in (0, 5, 2**40, 2**70, -3)])
print([sys.getsizeof(B(b"x" * n)) for n in range(3)])
print(sys.getsizeof(F(1.0)), sys.getsizeof(F(2.5)))
print(sys.getsizeof(S), sys.getsizeof(T), sys.getsizeof(I), sys.getsizeof(B), sys.getsizeof(F))
