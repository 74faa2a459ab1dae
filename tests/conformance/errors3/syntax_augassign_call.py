def f():
    return []
f() += [1]
