# a weak reference does not keep its referent alive
import sys
import weakref

class Obj:
    pass

o = Obj()
before = sys.getrefcount(o)
r = weakref.ref(o)
print(sys.getrefcount(o) == before)
print(r() is o)
del o
print(r())
print(r() is None)
