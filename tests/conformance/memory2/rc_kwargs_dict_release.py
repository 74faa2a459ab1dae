# a **kwargs dict is released after the call
import sys
o = ["o"]
def f(**kw):
    return sys.getrefcount(o), len(kw)
d = {"a": o, "b": o}
print("before:", sys.getrefcount(o))
print("in call:", f(**d))
print("after:", sys.getrefcount(o))
print("keyword literal:", f(x=o))
