# the callback runs when the referent dies by reference counting
import weakref

class Obj:
    pass

def cb(ref):
    print("callback; same ref object:", ref is r, "referent:", ref())

o = Obj()
r = weakref.ref(o, cb)
print("deleting")
del o
print("deleted")
