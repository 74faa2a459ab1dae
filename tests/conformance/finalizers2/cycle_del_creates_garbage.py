# a finalizer running during collection may drop more objects
import gc
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class Owner:
    def __del__(self):
        print("owner del, dropping child")
        self.child = None
gc.collect()
o = Owner()
o.me = o
o.child = T("child")
del o
print("collected:", gc.collect())
