f(x, y=1, a + b = 2)
