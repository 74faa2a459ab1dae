# asking for __dict__ materialises a dict object: now the collector finds it too
import gc

class Node:
    pass

gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
print(sorted(a.__dict__))
del a, b
print("one dict touched:", gc.collect())

a = Node()
b = Node()
a.other = b
b.other = a
print(len(vars(a)), len(vars(b)))
del a, b
print("both dicts touched:", gc.collect())
