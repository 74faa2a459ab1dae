# getsizeof does not include contents
import sys
small = [1]
big_contents = [["x" * 1000]]
print(sys.getsizeof(small) == sys.getsizeof(big_contents))
a = [None] * 10
b = [i for i in range(10)]
print(sys.getsizeof(a), sys.getsizeof(b), sys.getsizeof(list(range(10))))
class C:
    pass
class S:
    __slots__ = ("a", "b")
print(sys.getsizeof(C()), sys.getsizeof(S()))
print(sys.getsizeof("x" * 100) - sys.getsizeof(""))
print(sys.getsizeof(b"abc"), sys.getsizeof(bytearray(3)))
