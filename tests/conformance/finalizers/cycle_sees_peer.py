# inside __del__ during a collection, the peer is still intact
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print(self.name, "peer is", self.peer.name)

gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print(gc.collect())
