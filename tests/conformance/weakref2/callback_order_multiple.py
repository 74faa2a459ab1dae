# several weakrefs with callbacks fire newest first
import weakref
class O:
    pass
o = O()
refs = [weakref.ref(o, lambda r, i=i: print("callback", i)) for i in range(3)]
f = weakref.finalize(o, print, "finalize")
del o
print("end")
