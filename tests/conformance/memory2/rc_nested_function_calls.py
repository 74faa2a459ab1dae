# the same object passed down three frames, counted at each level
import sys
def level3(x):
    return sys.getrefcount(x)
def level2(x):
    y = x
    return level3(y)
def level1(x):
    return level2(x), sys.getrefcount(x)
obj = {"a": 1}
print("module:", sys.getrefcount(obj))
print("levels:", level1(obj))
print("after:", sys.getrefcount(obj))
