# iterating over a copy of a WeakKeyDictionary while keys die
import weakref
class K:
    def __init__(self, n):
        self.n = n
wk = weakref.WeakKeyDictionary()
keys = [K(i) for i in range(4)]
for k in keys:
    wk[k] = k.n * 10
del k
print(sorted(wk.values()))
keys[1:3] = []
print(sorted(wk.values()))
print(sorted(k.n for k in wk.keyrefs() and wk.keys()))
