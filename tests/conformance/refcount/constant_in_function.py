# a large int constant used only inside a function
import sys

def f():
    return sys.getrefcount(4242)

def g():
    v = 4343
    return sys.getrefcount(v)

print(f())
print(g())
