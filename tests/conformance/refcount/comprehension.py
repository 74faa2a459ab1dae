# comprehension results hold references; the temporary scope does not leak
import sys

x = [0]
lst = [x for _ in range(3)]
print(sys.getrefcount(x))
d = {i: x for i in range(2)}
print(sys.getrefcount(x))
s = {id(x) for _ in range(5)}
print(len(s), sys.getrefcount(x))
del lst, d
print(sys.getrefcount(x))
