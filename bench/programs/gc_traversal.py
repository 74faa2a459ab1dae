# Like pyperformance's gc_traversal: many live container objects, several full collections that find nothing.
import gc


class Tree:
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Tree(None, None)
    return Tree(make(depth - 1), make(depth - 1))


gc.disable()
trees = [make(12) for _ in range(8)]
found = 0
for i in range(20):
    found = found + gc.collect()
gc.enable()
print("gc_traversal", len(trees), found)
