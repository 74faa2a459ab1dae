data = [1, 2]
print((yield from data))
