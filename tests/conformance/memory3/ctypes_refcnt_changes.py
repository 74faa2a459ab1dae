import ctypes
obj = [1, 2, 3]
addr = id(obj)
rc = lambda: ctypes.c_long.from_address(addr).value
print(rc())
a = obj
print(rc())
lst = [obj] * 5
print(rc())
del lst
print(rc())
