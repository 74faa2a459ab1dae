# An import before `global` is not an assignment for CPython's check (DEF_IMPORT, not DEF_LOCAL).
def f():
    import math
    global math
    return math.floor(2.5)


print(f())
print(math.ceil(2.5))
