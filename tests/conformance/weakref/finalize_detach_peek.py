# detach and peek
import weakref

class Obj:
    def __repr__(self):
        return "Obj()"

def cleanup(a, b=0):
    print("cleanup", a, b)

o = Obj()
f = weakref.finalize(o, cleanup, 1, b=2)
obj, func, args, kwargs = f.peek()
print(obj is o, func is cleanup, args, kwargs)
print(f.detach()[2:])
print(f.alive, f.peek(), f.detach())
del o
print("end")
