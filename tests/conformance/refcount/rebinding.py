# rebinding a name drops its old reference
import sys
import ctypes

def rc(o_id):
    return ctypes.c_long.from_address(o_id).value

x = [0]
x_id = id(x)
y = x
z = x
print("start:", rc(x_id))
y = "other"
print("y rebound:", rc(x_id))
z = [1]
print("z rebound:", rc(x_id))
x = x
print("x = x:", rc(x_id))
print("getrefcount:", sys.getrefcount(x))
