import sys
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, u.object.__class__.__name__)
sys.unraisablehook = hook
class D:
    def __del__(self):
        raise ValueError("in del")
d = D()
del d
print("continued")
