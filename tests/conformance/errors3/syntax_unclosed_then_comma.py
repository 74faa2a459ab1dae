x = (1 + 2 print(3)
y = 4
