# attribute error on None from a function that forgot to return
def find(items, x):
    for i in items:
        if i == x:
            return i
result = find([1, 2], 3)
print(result)
result.upper()
