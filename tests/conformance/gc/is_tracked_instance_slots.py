# instances with and without __slots__, and frozenset/bytearray
import gc

class S:
    __slots__ = ("a",)

class T:
    __slots__ = ()

s = S()
s.a = 1
print(gc.is_tracked(s), gc.is_tracked(T()))
print(gc.is_tracked(frozenset([1])), gc.is_tracked(bytearray(b"x")))
print(gc.is_tracked(range(3)), gc.is_tracked(iter([1])))
