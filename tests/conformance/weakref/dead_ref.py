# a dead weakref returns None forever and compares by identity
import weakref

class Obj:
    pass

a = Obj()
b = Obj()
ra = weakref.ref(a)
rb = weakref.ref(b)
print(ra == rb, ra == weakref.ref(a))
del a
print(ra(), ra() is None, rb() is b)
print(ra == ra, ra == rb)
print(bool(ra), callable(ra))
