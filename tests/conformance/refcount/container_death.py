# when a container dies its items lose a reference
import sys

x = [1, 2, 3]
holders = [[x], (x,), {"x": x}, {1: x}]
print(sys.getrefcount(x))
holders.pop()
print(sys.getrefcount(x))
holders.pop(0)
print(sys.getrefcount(x))
holders = None
print(sys.getrefcount(x))
