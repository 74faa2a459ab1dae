# each frame that holds the object adds a reference
import sys

def level3(x):
    return sys.getrefcount(x)

def level2(x):
    return sys.getrefcount(x), level3(x)

def level1(x):
    return sys.getrefcount(x), level2(x)

obj = [1, 2, 3]
print(level1(obj))
print(sys.getrefcount(obj))
