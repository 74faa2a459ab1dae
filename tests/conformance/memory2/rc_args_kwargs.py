# *args and **kwargs packing holds references for the duration of the call
import sys
obj = ["o"]
def with_args(*args):
    return sys.getrefcount(obj)
def with_kwargs(**kw):
    return sys.getrefcount(obj)
def plain(a):
    return sys.getrefcount(obj)
print("module:", sys.getrefcount(obj))
print("plain:", plain(obj))
print("*args:", with_args(obj, obj))
print("**kw:", with_kwargs(a=obj))
print("after:", sys.getrefcount(obj))
