def f(a, b=2, c int = 3):
    pass
