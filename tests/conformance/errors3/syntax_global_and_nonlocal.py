def outer():
    v = 1
    def inner():
        global v
        nonlocal v
