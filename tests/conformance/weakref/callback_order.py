# several callbacks: the newest weakref is called first
import weakref

class Obj:
    pass

def make_cb(name):
    def cb(ref):
        print("callback", name)
    return cb

o = Obj()
r1 = weakref.ref(o, make_cb("first"))
r2 = weakref.ref(o, make_cb("second"))
r3 = weakref.ref(o, make_cb("third"))
del o
print("end")
