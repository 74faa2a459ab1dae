# an iterator keeps its container alive
import sys
lst = [1, 2, 3]
print("lst:", sys.getrefcount(lst))
it = iter(lst)
print("with iterator:", sys.getrefcount(lst))
list(it)
print("exhausted iterator:", sys.getrefcount(lst))
e = enumerate(lst)
print("enumerate:", sys.getrefcount(lst))
z = zip(lst, lst)
print("zip of two:", sys.getrefcount(lst))
r = reversed(lst)
print("reversed:", sys.getrefcount(lst))
del e, z, r, it
print("end:", sys.getrefcount(lst))
