# sys.getsizeof of common objects on 64-bit CPython 3.11
import sys

print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 100))
print(sys.getsizeof(1.5), sys.getsizeof(True), sys.getsizeof(None))
print(sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("abcde"), sys.getsizeof("é"))
print(sys.getsizeof(b""), sys.getsizeof(b"abc"))
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(()), sys.getsizeof((1, 2)))
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof(set()), sys.getsizeof(range(10)))
L = []
sizes = []
for i in range(10):
    L.append(i)
    sizes.append(sys.getsizeof(L))
print(sizes)
