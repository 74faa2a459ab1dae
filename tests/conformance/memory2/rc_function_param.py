# a reference held by the parameter and by the call while inside the function
import sys
def inspect(obj):
    return sys.getrefcount(obj)
def inspect_nested(obj):
    return inspect(obj)
x = [1, 2, 3]
print("module:", sys.getrefcount(x))
print("one call:", inspect(x))
print("two calls:", inspect_nested(x))
print("after:", sys.getrefcount(x))
