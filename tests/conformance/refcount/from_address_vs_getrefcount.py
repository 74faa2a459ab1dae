# getrefcount is always from_address + 1
import sys
import ctypes

def exact(o):
    return ctypes.c_long.from_address(id(o)).value

objs = [[], {}, set(), [1, 2, 3], bytearray(b"ab")]
for o in objs:
    print(type(o).__name__, sys.getrefcount(o) - exact(o))
o = objs[0]
print(exact(objs[0]), exact(objs[1]))
