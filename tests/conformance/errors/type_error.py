# uncaught TypeError from an operator
items = [1, 2]
print(len(items))
total = "count: " + len(items)
