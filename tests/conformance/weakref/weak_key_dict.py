# WeakKeyDictionary entries vanish with their keys
import weakref

class Key:
    def __init__(self, name):
        self.name = name

d = weakref.WeakKeyDictionary()
k1 = Key("k1")
k2 = Key("k2")
d[k1] = "one"
d[k2] = "two"
print(len(d), d[k1], k2 in d)
del k1
print(len(d), sorted(v for v in d.values()))
k2 = None
print(len(d))
