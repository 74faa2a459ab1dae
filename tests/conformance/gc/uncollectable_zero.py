# Python-level __del__ in a cycle is not uncollectable since 3.4
import gc

class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        pass

def cb(phase, info):
    if phase == "stop":
        print("collected", info["collected"], "uncollectable", info["uncollectable"])

gc.collect()
a = D("a")
b = D("b")
a.b = b
b.a = a
del a, b
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(gc.garbage)
