# resurrection from a cycle collected by gc
import gc

saved = []

class Phoenix:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("__del__ of", self.name)
        saved.append(self)

gc.collect()
p = Phoenix("cyc")
del p
print("collect:", gc.collect())
print("alive:", saved[0].name, saved[0].me is saved[0])
saved.clear()
print("collect again:", gc.collect())
print("end")
