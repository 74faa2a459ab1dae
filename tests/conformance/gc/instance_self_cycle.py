# an instance that refers to itself
import gc

class Me:
    def __init__(self):
        self.me = self

gc.collect()
m = Me()
print(m.me is m)
del m
print("collected:", gc.collect())
