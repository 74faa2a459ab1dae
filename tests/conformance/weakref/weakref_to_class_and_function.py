# which kinds of objects accept weak references
import weakref

class K:
    pass

def fn():
    return 1

for obj in (K, fn, K(), set(), frozenset(), bytearray(), range(2)):
    try:
        r = weakref.ref(obj)
        print(type(obj).__name__, r() is obj)
    except TypeError:
        print(type(obj).__name__, "TypeError")
