# WeakValueDictionary entries vanish with their values
import weakref

class Val:
    def __init__(self, n):
        self.n = n

d = weakref.WeakValueDictionary()
a = Val(1)
b = Val(2)
d["a"] = a
d["b"] = b
print(len(d), sorted(d.keys()), d["a"].n)
del a
print(len(d), sorted(d.keys()))
print(d.get("a"), "a" in d)
b = None
print(len(d), list(d.items()))
