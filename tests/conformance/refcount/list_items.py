# every slot of a list holds a reference
import sys

x = [7]
print(sys.getrefcount(x))
L = [x, x, x]
print(sys.getrefcount(x))
L.append(x)
print(sys.getrefcount(x))
L.pop()
print(sys.getrefcount(x))
L[0] = None
print(sys.getrefcount(x))
del L
print(sys.getrefcount(x))
