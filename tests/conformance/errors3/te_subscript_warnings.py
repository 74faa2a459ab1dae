# Compile-time SyntaxWarnings for subscripting literals that cannot be subscripted, or indexing a
# sequence display with a non-integer constant (CPython's check_subscripter / check_index).
def show(f):
    try:
        print(f())
    except TypeError as e:
        print(type(e).__name__, e)


show(lambda: 1.5[0])
show(lambda: ...[0])
show(lambda: True[0])
show(lambda: {1, 2}[0])
show(lambda: (x for x in "ab")[0])
show(lambda: (lambda: 1)[0])
show(lambda: (1, 2)[1.5])
show(lambda: [1][None])
show(lambda: (1, 2)[True])
show(lambda: "abc"[1])
show(lambda: {1: "one"}[1])
