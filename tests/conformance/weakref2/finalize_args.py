# weakref.finalize with positional and keyword arguments
import weakref
class Res:
    pass
def cleanup(name, *, mode):
    print("cleanup", name, mode)
    return name.upper()
r = Res()
f = weakref.finalize(r, cleanup, "res1", mode="fast")
print("alive:", f.alive)
del r
print("alive after del:", f.alive)
r2 = Res()
f2 = weakref.finalize(r2, cleanup, "res2", mode="slow")
print("explicit call:", f2())
print("second call:", f2())
print("peek after:", f2.peek())
