class CM:
    def __enter__(self):
        return "val"
    def __exit__(self, *a):
        print("exit args", len(a), a[0].__name__ if a[0] else None)
        return False
try:
    with CM() as v:
        print(v)
        raise KeyError(3)
except KeyError as e:
    print("caught", repr(e))
