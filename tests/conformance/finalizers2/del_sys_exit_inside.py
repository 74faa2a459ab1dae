# SystemExit raised in __del__ is ignored like any other exception
import sys
def hook(u):
    print("unraisable:", u.exc_type.__name__)
sys.unraisablehook = hook
class Q:
    def __del__(self):
        sys.exit(3)
q = Q()
del q
print("still here")
