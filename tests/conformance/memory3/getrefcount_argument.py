import sys
def f(x):
    return sys.getrefcount(x)
o = object()
print(sys.getrefcount(o))
print(f(o))
print((lambda y: sys.getrefcount(y))(o))
