# closing a generator releases its frame's references
import sys
obj = ["x"]
def g(o):
    yield o
    yield o
it = g(obj)
next(it)
print("suspended:", sys.getrefcount(obj))
it.close()
print("closed:", sys.getrefcount(obj))
it2 = g(obj)
next(it2)
print("second suspended:", sys.getrefcount(obj))
del it2
print("deleted:", sys.getrefcount(obj))
