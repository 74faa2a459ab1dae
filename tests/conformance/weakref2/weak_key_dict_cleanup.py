# WeakKeyDictionary used as side storage
import weakref
class Widget:
    def __init__(self, name):
        self.name = name
meta = weakref.WeakKeyDictionary()
w1, w2 = Widget("w1"), Widget("w2")
meta[w1] = {"clicks": 1}
meta[w2] = {"clicks": 5}
print(len(meta), meta[w2])
del w1
print(len(meta), [k.name for k in meta.keys()])
print(w2 in meta, meta.get(w2)["clicks"])
