# seed 003: getrefcount reports 2, from_address reports 1
import sys
import ctypes

var1 = [10, 20]
print(sys.getrefcount(var1))
print(ctypes.c_long.from_address(id(var1)).value)
