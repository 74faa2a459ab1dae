# Build many two-node cycles with automatic collection off, then one full gc.collect().
import gc


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


def build(n):
    for i in range(n):
        a = Node(i)
        b = Node(i + 1)
        a.other = b
        b.other = a


gc.disable()
build(200000)
collected = gc.collect()
gc.enable()
print("gc_collect", collected)
