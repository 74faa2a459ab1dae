# seed 001: after the last reference is dropped the freed list's count reads 0
from ctypes import c_long

def ref_count(address: int):
    return c_long.from_address(address).value

a = [1, 2, 3]
a_id = id(a)
print(ref_count(a_id))
a = None
print(ref_count(a_id))
print(ref_count(a_id))
