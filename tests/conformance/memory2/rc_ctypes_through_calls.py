# ctypes reads the count without adding a reference
import ctypes
import sys
def rc(addr):
    return ctypes.c_long.from_address(addr).value
obj = object()
addr = id(obj)
print("start:", rc(addr))
holder = [obj, obj, obj]
print("in list 3x:", rc(addr))
t = (obj,)
print("plus tuple:", rc(addr))
del holder
print("list gone:", rc(addr))
def f(o):
    return rc(addr)
print("inside f:", f(obj))
print("getrefcount:", sys.getrefcount(obj))
