# instance attributes are references
import sys

class Box:
    pass

v = [1]
b = Box()
print(sys.getrefcount(v))
b.item = v
print(sys.getrefcount(v))
b.again = v
print(sys.getrefcount(v))
del b.item
print(sys.getrefcount(v))
b = None
print(sys.getrefcount(v))
