# Attributes read by a class pattern: one reference each while the body runs, none after a failure.
import sys

class Node:
    __match_args__ = ("left", "right")
    def __init__(self, left, right):
        self.left = left
        self.right = right

leaf = [0]
tree = Node(leaf, leaf)
print("start:", sys.getrefcount(leaf), sys.getrefcount(tree))
match tree:
    case Node(l, r):
        print("captured:", sys.getrefcount(leaf), sys.getrefcount(tree))
del l, r
match tree:
    case Node([1], _):
        print("no")
    case Node(left=[0], right=[1]):
        print("no")
print("after failures:", sys.getrefcount(leaf), sys.getrefcount(tree))
match 5:
    case int(n):
        print("self match:", n)
