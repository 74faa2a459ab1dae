# class attributes are referenced by the class
import sys

class Registry:
    items = []

x = Registry.items
print(sys.getrefcount(x))
r1 = Registry()
r2 = Registry()
print(sys.getrefcount(x), r1.items is x, r2.items is x)
Registry.items = []
print(sys.getrefcount(x))
