def f(x, y):
    global y
