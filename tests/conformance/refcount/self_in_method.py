# inside a method, self is one more reference
import sys

class Node:
    def count(self):
        return sys.getrefcount(self)
    def count_via(self, other):
        return sys.getrefcount(other)

n = Node()
print(sys.getrefcount(n))
print(n.count())
print(Node.count(n))
print(n.count_via(n))
