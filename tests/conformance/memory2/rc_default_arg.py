# default argument values are held by the function
import sys
sentinel = ["default"]
def f(x=sentinel):
    return x
print("with default:", sys.getrefcount(sentinel))
def g(a=sentinel, b=sentinel):
    pass
print("g adds two:", sys.getrefcount(sentinel))
del g
print("g deleted:", sys.getrefcount(sentinel))
f.__defaults__ = (None,)
print("defaults replaced:", sys.getrefcount(sentinel))
