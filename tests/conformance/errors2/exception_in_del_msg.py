# exception in __del__ is printed as ignored and execution continues
import sys
def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, "in", u.object.__qualname__)
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise ValueError("from __del__")
b = Bad()
del b
print("still running")
