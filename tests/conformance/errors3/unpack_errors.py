for src in ([1], [1, 2, 3], "abcd"):
    try:
        a, b, c = src
    except ValueError as e:
        print(e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(e)
try:
    a, b = 5
except TypeError as e:
    print(e)
