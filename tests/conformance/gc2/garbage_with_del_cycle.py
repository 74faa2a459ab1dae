# cycles with __del__ are collected since 3.4; finalizer runs once
import gc
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
a, b = D("a"), D("b")
a.peer, b.peer = b, a
del a, b
n = gc.collect()
print("collected:", n, "garbage:", gc.garbage)
