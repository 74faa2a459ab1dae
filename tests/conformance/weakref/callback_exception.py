# an exception in a weakref callback is unraisable; the default hook prints the callback's repr
import weakref

class Callback:
    def __repr__(self):
        return "<Callback>"
    def __call__(self, ref):
        raise KeyError("from callback")

class Obj:
    pass

o = Obj()
r = weakref.ref(o, Callback())
del o
print("program continues")
