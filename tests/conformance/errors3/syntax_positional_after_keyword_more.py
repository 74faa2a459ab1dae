print(sep='-', 1, 2, 3)
