# calling with too many positional arguments
def add(a, b):
    return a + b
print(add(1, 2))
try:
    add(1)
except TypeError as e:
    print(e)
try:
    add(1, 2, c=3)
except TypeError as e:
    print(e)
add(1, 2, 3)
