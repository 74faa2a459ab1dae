# an exception in __del__ of an object freed by the collector
import gc
import sys

def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value)

sys.unraisablehook = hook

class Bad:
    def __del__(self):
        raise RuntimeError("cycle del failed")

gc.collect()
b = Bad()
b.me = b
del b
print("collected:", gc.collect())
print("still running")
