# seed 000: ctypes reads the exact reference count without adding one
import ctypes

def ref_count(address):
    return ctypes.c_long.from_address(address).value

a = [1, 2, 3]
a_id = id(a)
print(ref_count(a_id))  # Accurate reference count
