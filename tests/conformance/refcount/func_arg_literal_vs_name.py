# foo([1,2,3]) vs foo(l): the caller's name is one extra reference
import sys
import ctypes

def foo(x):
    return sys.getrefcount(x), ctypes.c_long.from_address(id(x)).value

print("literal:", foo([1, 2, 3]))
l = [1, 2, 3]
print("name:", foo(l))
print("after:", sys.getrefcount(l))
m = l
print("two names:", foo(l))
