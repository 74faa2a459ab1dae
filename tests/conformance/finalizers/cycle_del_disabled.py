# with gc disabled a cycle's finalizers wait for an explicit collect
import gc

class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

gc.collect()
gc.disable()
n = Node("self-loop")
n.loop = n
del n
print("nothing yet")
print(gc.collect())
gc.enable()
