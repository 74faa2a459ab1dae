def outer():
    a = 1
    def inner():
        nonlocal a, b
        a = b = 2
    return inner
