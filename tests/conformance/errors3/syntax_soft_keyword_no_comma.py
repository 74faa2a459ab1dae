print(1, _ 2)
