# collecting a cycle: weakref callbacks run, then finalizers
import gc
import weakref
class N:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
gc.collect()
a, b = N("a"), N("b")
a.peer, b.peer = b, a
r = weakref.ref(a, lambda ref: print("callback for a"))
del a, b
print("collected:", gc.collect())
