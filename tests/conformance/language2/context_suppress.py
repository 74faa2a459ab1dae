# __exit__ returning True suppresses the exception
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, typ, val, tb):
        print("exit", typ.__name__ if typ else None, val)
        return typ is not None and issubclass(typ, self.types)

with Suppress(ZeroDivisionError) as s:
    print(type(s).__name__)
    1 / 0
    print("not reached")
print("after first")
with Suppress(KeyError):
    pass
try:
    with Suppress(KeyError):
        [][1]
except IndexError as e:
    print("escaped:", e)
