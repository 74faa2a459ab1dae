# a list containing itself counts itself
import sys

L = []
print(sys.getrefcount(L))
L.append(L)
print(sys.getrefcount(L))
L.append(L)
print(sys.getrefcount(L))
L.clear()
print(sys.getrefcount(L))
