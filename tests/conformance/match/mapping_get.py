# Mapping patterns read keys with subject.get(key, sentinel): a dict subclass's get is called,
# __missing__ and __getitem__ are not.
class Traced(dict):
    def get(self, key, default=None):
        print(f"  get({key!r})")
        return super().get(key, default)
    def __getitem__(self, key):
        print(f"  __getitem__({key!r})")
        return super().__getitem__(key)
    def __missing__(self, key):
        print(f"  __missing__({key!r})")
        return "made up"

d = Traced(a=1, b=2)
print("first case:")
match d:
    case {"a": 1, "z": z, "b": 2}:
        print("  no")
    case {"b": b, "a": a}:
        print("  matched", a, b)
print("rest:")
match d:
    case {"a": _, **rest}:
        print("  rest", rest)
print("length check first:")
match d:
    case {"a": _, "b": _, "c": _}:
        print("  no")
    case _:
        print("  get not called when the mapping is too short")
