# unindent does not match any outer level
def f():
        a = 1
    return a
