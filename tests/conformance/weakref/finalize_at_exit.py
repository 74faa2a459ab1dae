# finalizers still alive at exit run then (atexit=True by default)
import weakref

class Obj:
    pass

def bye(name):
    print("bye", name)

keep = Obj()
quiet = Obj()
weakref.finalize(keep, bye, "keep")
f = weakref.finalize(quiet, bye, "quiet")
f.atexit = False
print("end of program")
