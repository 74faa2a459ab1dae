import sys
class A:
    pass
a = A()
val = [5]
a.x = val
print("refs val", sys.getrefcount(val))
d = a.__dict__
print(d)
del a.x
print("after delattr", sys.getrefcount(val))
a.__dict__["y"] = val
print(a.y is val, sys.getrefcount(val))
