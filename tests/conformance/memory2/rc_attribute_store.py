# storing in attributes of several objects
import sys
class Node:
    pass
payload = {"x": 1}
nodes = [Node() for _ in range(4)]
for n in nodes:
    n.data = payload
print("4 nodes:", sys.getrefcount(payload))
nodes[0].data = None
print("one reset:", sys.getrefcount(payload))
del nodes[1]
print("one node gone:", sys.getrefcount(payload))
nodes.clear()
print("all gone:", sys.getrefcount(payload))
