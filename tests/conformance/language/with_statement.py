# custom context managers: enter/exit order, suppression, exception info
class Tag:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress

with Tag("a") as v:
    print("body", v)
with Tag("outer"), Tag("inner") as w:
    print("nested body", w)
with Tag("quiet", suppress=True):
    raise ValueError("hidden")
print("after suppressed")
try:
    with Tag("loud"):
        raise KeyError("shown")
except KeyError as e:
    print("propagated", e)
