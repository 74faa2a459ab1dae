# seed 000 walkthrough step 4: reading the count at a freed address
import ctypes
import sys

def ref_count(address):
    return ctypes.c_long.from_address(address).value

a = [1, 2, 3]
b = a
b = None
print(sys.getrefcount(a))
a_id = id(a)
print(ref_count(a_id))
a = None
print(ref_count(a_id))  # the list is gone: its count field reads 0
