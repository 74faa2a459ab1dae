class CM:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise TypeError("x")
with CM(): pass  # trailing comment
