# each new name bound to the same list adds one reference
import sys

a = [1, 2]
print("a:", sys.getrefcount(a))
b = a
print("a,b:", sys.getrefcount(a))
c = b
print("a,b,c:", sys.getrefcount(a))
d = e = c
print("a..e:", sys.getrefcount(a))
