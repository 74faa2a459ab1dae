# __del__ methods of objects in a cycle run during gc.collect()
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("collecting")
print("collected:", gc.collect())
print("done")
