# tuple packing and unpacking do not leave references behind
import sys
a = ["A"]
b = ["B"]
print("a:", sys.getrefcount(a))
a, b = b, a
print("after swap a(was b):", sys.getrefcount(a))
t = (a, b)
print("in tuple:", sys.getrefcount(a))
x, y = t
print("unpacked:", sys.getrefcount(a))
first, *rest = [a, a, a]
print("star unpack:", sys.getrefcount(a))
del t, x, y, first, rest
print("end:", sys.getrefcount(a))
