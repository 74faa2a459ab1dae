# The order in which a collection finds a class's objects follows their creation: the bases tuple exists
# before the class body runs, the namespace is copied after it, then the type, its __mro__, descriptors.
import gc


def show():
    for o in gc.garbage:
        if isinstance(o, dict):
            shown = sorted(k for k in o if k != "__module__")
        elif type(o).__name__ == "function":
            shown = o.__qualname__
        else:
            shown = o
        print(" ", type(o).__name__, shown)
    # Free what was saved: without the debug flag the next collection deletes it for good.
    gc.garbage.clear()
    gc.set_debug(0)
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)


gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)


class Base:
    pass


class Child(Base):
    items = []

    def method(self):
        return self

    def other(self):
        pass


del Base, Child
print("collected", gc.collect())
show()

Made = type("Made", (), {"attr": [1, 2], "f": lambda self: 0})
del Made
print("collected", gc.collect())
show()

Sub = type("Sub", (Exception,), {})
print(Sub.__module__, Sub.__qualname__, list(Sub.__dict__))
del Sub
print("collected", gc.collect())
show()
gc.set_debug(0)
try:
    type("X", (), [])
except TypeError as e:
    print("TypeError:", e)
