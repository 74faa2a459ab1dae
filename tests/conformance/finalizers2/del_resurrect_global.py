# __del__ storing self in a global resurrects the object; __del__ is not called again
import gc
saved = []
class Phoenix:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("__del__", self.name)
        saved.append(self)
p = Phoenix("bird")
del p
print("resurrected:", len(saved), saved[0].name)
saved.clear()
print("cleared list")
gc.collect()
print("end")
