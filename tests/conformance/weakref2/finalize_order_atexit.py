# finalizers still alive at exit run in reverse order of creation
import weakref
class R:
    pass
keep = [R() for _ in range(3)]
for i, r in enumerate(keep):
    weakref.finalize(r, print, "finalize", i)
print("end of program")
