# the callback gets the dead weakref itself
import weakref
class O:
    pass
seen = []
def cb(ref):
    seen.append(ref)
    print("callback, referent:", ref())
o = O()
r = weakref.ref(o, cb)
print("same ref again:", weakref.ref(o) is r, weakref.ref(o, cb) is r)
del o
print("seen is r:", seen[0] is r)
