class CM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("exit")
def f():
    while True:
        with CM():
            break
f()
