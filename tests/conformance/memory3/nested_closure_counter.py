def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c1 = counter(); c2 = counter()
print(c1(), c1(), c2(), c1())
print(c1.__closure__[0].cell_contents)
print(len(c1.__closure__), c1.__code__.co_freevars)
