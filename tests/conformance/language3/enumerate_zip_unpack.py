for i, (a, b) in enumerate(zip("xy", [1, 2]), start=10):
    print(i, a, b)
print(list(zip([1, 2, 3], "ab")))
a, *rest = [1, 2, 3, 4]
*init, last = "hello"
x, (y, z) = 1, (2, 3)
print(a, rest, init, last, x, y, z)
print(list(zip(*[(1, "a"), (2, "b")])))
