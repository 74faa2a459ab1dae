# one failing __del__ does not stop the other items of a dying list from being finalized
import sys

def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value)

sys.unraisablehook = hook

class F:
    def __init__(self, name, fail=False):
        self.name = name
        self.fail = fail
    def __del__(self):
        print("del", self.name)
        if self.fail:
            raise ValueError(self.name)

items = [F("a"), F("b", fail=True), F("c")]
items = None
print("end")
