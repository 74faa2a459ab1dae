# unraisable hook sees the exception from a weakref callback
import sys
import weakref

def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, u.object.__name__)

sys.unraisablehook = hook

class Obj:
    pass

def cb(ref):
    raise ValueError("bad callback")

o = Obj()
r = weakref.ref(o, cb)
o = None
print("after")
