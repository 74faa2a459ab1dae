# seed 001: getrefcount vs c_long.from_address through b = a, c = a, c = 10, b = None
import sys
from ctypes import c_long

a = [1, 2, 3]
print(sys.getrefcount(a))
print(c_long.from_address(id(a)).value)
b = a
print(c_long.from_address(id(a)).value)

def ref_count(address: int):
    return c_long.from_address(address).value

print(ref_count(id(a)))
c = a
print(ref_count(id(a)))
c = 10
print(ref_count(id(a)))
b = None
print(ref_count(id(a)))
