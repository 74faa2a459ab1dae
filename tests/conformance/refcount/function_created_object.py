# an object created inside a function: counted there, freed at return
import sys
import ctypes

def inner():
    x = [1, 2, 3]
    print("inside:", sys.getrefcount(x), ctypes.c_long.from_address(id(x)).value)
    y = x
    print("inside y:", sys.getrefcount(x))
    return id(x)

addr = inner()
print("returned an int:", type(addr).__name__)
