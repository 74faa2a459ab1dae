# calling non-callables and wrong builtin arguments
five = 5
nothing = None
try:
    five()
except TypeError as e:
    print(e)
try:
    len(5)
except TypeError as e:
    print(e)
try:
    "abc".join([1, 2])
except TypeError as e:
    print(e)
try:
    int([1])
except TypeError as e:
    print(e)
try:
    "a" + 1
except TypeError as e:
    print(e)
nothing()
