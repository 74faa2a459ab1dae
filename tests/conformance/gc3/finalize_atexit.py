import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, print, "finalized at exit")
print("alive", f.alive, f.atexit)
g = weakref.finalize(A(), print, "immediately")
print("g alive", g.alive)
print("end of program")
