# two instances pointing at each other
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
gc.collect()
a, b = Node("a"), Node("b")
a.other, b.other = b, a
del a, b
print("collected:", gc.collect())
print("again:", gc.collect())
