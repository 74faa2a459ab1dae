# captured variables live in a cell; the cell holds one reference
import sys
def outer():
    data = ["captured"]
    print("local only:", sys.getrefcount(data))
    def inner():
        return data
    print("with cell:", sys.getrefcount(data))
    return inner
f = outer()
obj = f()
print("via closure:", sys.getrefcount(obj))
g = outer()
print("two closures, separate objects:", f() is g())
del f
print("closure gone:", sys.getrefcount(obj))
