# an exception in __del__ is reported as unraisable and the program goes on
import sys

def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, "err_msg:", u.err_msg)
    print("object:", u.object.__qualname__)

sys.unraisablehook = hook

class Bad:
    def __del__(self):
        raise ValueError("boom in del")

b = Bad()
del b
print("program continues")
x = Bad()
x = 1
print("end", x)
