# with __del__ and a callback: __del__ first, then the callback, in a cycle too
import gc
import weakref

class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)

def cb(ref):
    print("callback")

gc.collect()
a = Obj("plain")
ra = weakref.ref(a, cb)
del a
b = Obj("cycle")
b.me = b
rb = weakref.ref(b, cb)
del b
print("collect:", gc.collect())
