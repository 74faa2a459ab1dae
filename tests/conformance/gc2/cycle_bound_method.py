# an instance storing its own bound method makes a cycle
import gc
class Handler:
    def __init__(self):
        self.callback = self.handle
    def handle(self):
        return "handled"
gc.collect()
h = Handler()
print(h.callback())
del h
print("collected:", gc.collect())
