# uncaught IndexError
data = [10, 20, 30]
print(data[2])
print(data[3])
