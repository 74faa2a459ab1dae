# set members hold references
import sys

class Item:
    pass

a = Item()
s = set()
print(sys.getrefcount(a))
s.add(a)
print(sys.getrefcount(a))
s.add(a)
print(sys.getrefcount(a))
fs = frozenset([a])
print(sys.getrefcount(a))
s.discard(a)
print(sys.getrefcount(a))
del fs
print(sys.getrefcount(a))
