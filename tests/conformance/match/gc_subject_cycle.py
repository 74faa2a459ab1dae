# A matched subject in a cycle is collected once the captures go away.
import gc

class Node:
    __match_args__ = ("other",)
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print("finalized", self.name)

gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
match a:
    case Node(Node(Node(x))):
        print("three steps back to", x.name)
del a, b
print("unreachable with a capture alive:", gc.collect())
del x
print("collected:", gc.collect())
