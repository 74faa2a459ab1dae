def f():
    values = [1]
    return valuez
f()
