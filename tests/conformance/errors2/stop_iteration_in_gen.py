# StopIteration raised inside a generator becomes RuntimeError
def g():
    yield 1
    raise StopIteration("oops")
print(next(iter(g())))
list(g())
