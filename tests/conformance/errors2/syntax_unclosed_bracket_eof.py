# unclosed bracket at end of file
values = [1, 2, 3
print(values)
