# an exception in __del__ is reported and ignored; the rest continues
import sys
def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, "in", u.object.__qualname__)
sys.unraisablehook = hook
class Bad:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        if self.n == 2:
            raise RuntimeError(f"failed {self.n}")
objs = [Bad(1), Bad(2), Bad(3)]
del objs
print("after list deleted")
