# WeakValueDictionary entries vanish when values die
import weakref
class V:
    def __init__(self, n):
        self.n = n
cache = weakref.WeakValueDictionary()
keep = [V(i) for i in range(4)]
for v in keep:
    cache[v.n] = v
print(sorted(cache.keys()))
del keep[1]
print(sorted(cache.keys()))
keep.pop()
print(sorted(cache.keys()), len(cache))
print(cache.get(1), cache[0].n)
try:
    cache[3]
except KeyError as e:
    print("KeyError:", e)
