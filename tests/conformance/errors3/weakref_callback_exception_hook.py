import sys, weakref
sys.unraisablehook = lambda u: print("hook", type(u.exc_value).__name__, u.exc_value, u.err_msg)
class A:
    pass
a = A()
r = weakref.ref(a, lambda ref: 1 / 0)
del a
print("after")
