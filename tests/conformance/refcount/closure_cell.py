# a closed-over variable lives in a cell: one reference from the cell
import sys

def outer():
    x = [1, 2, 3]
    print("cell var:", sys.getrefcount(x))
    def inner():
        return x
    print("after def inner:", sys.getrefcount(x))
    return inner

f = outer()
obj = f()
print("via closure:", sys.getrefcount(obj))
del f
print("closure gone:", sys.getrefcount(obj))
