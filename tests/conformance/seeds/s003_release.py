# seed 003: when var1 goes away too the object is released
import ctypes

def ref_count(address):
    return ctypes.c_long.from_address(address).value

var1 = [10, 20]
var2 = var1
address = id(var1)
print(ref_count(address))
del var1
print(ref_count(address))
var2 = None
print(ref_count(address))
