# a float produced by arithmetic at runtime
import sys

a = float(len("abc")) / 7
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))
lst = [a, a, a]
print(sys.getrefcount(a))
