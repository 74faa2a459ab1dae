# __call__, __getitem__ with slices and __setitem__/__delitem__
class Store:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        print("set", k, v)
        self.data[k] = v
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return self.data[k]
    def __delitem__(self, k):
        print("del", k)
        del self.data[k]
    def __call__(self, *a, **kw):
        return ("called", a, sorted(kw))
s = Store()
s["a"] = 1
s[1, 2] = "tuple key"
print(s["a"], s[1, 2], s[1:5], s[::2])
del s["a"]
print(s(1, 2, z=3, y=4), callable(s))
try:
    s["missing"]
except KeyError as e:
    print("KeyError:", e)
