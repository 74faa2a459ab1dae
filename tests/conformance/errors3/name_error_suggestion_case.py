Value = 1
print(value)
