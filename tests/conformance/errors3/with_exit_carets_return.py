class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("exit")
def f():
    for i in range(3):
        with CM(): return i  # leaves through return
f()
