# weakref equality and hash before and after the referent dies
import weakref
class K:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __hash__(self):
        return hash(self.n)
a, b = K(1), K(1)
ra, rb = weakref.ref(a), weakref.ref(b)
print("alive eq:", ra == rb, ra is rb)
h = hash(ra)
print("hash ok:", h == hash(a))
del a
print("one dead eq:", ra == rb)
print("hash still cached:", hash(ra) == h)
del b
print("both dead eq:", ra == rb, ra == ra)
c = K(2)
rc = weakref.ref(c)
del c
try:
    hash(rc)
except TypeError as e:
    print("TypeError:", e)
