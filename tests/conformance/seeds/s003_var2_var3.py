# seed 003: var2 = var1, var3 = var1, then var3 = None and del var2
import ctypes

def ref_count(address):
    return ctypes.c_long.from_address(address).value

var1 = [10, 20]
var2 = var1
var3 = var1
print(ref_count(id(var1)))
var3 = None
print(ref_count(id(var1)))
del var2
print(ref_count(id(var1)))
