# __enter__ return value and exception objects in __exit__
import sys
class CM:
    def __init__(self):
        self.seen = None
    def __enter__(self):
        return self
    def __exit__(self, typ, val, tb):
        self.seen = val
        return True
cm = CM()
print("cm:", sys.getrefcount(cm))
with cm as alias:
    print("inside with:", sys.getrefcount(cm))
    raise KeyError("k")
print("after with, alias bound:", sys.getrefcount(cm))
print("exception kept:", sys.getrefcount(cm.seen), repr(cm.seen))
