# finalize.atexit = False skips the call at shutdown
import weakref
class R:
    pass
a, b = R(), R()
fa = weakref.finalize(a, print, "finalize a")
fb = weakref.finalize(b, print, "finalize b")
fb.atexit = False
print(fa.atexit, fb.atexit)
print("end")
