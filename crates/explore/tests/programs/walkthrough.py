# The seeds' walkthrough: references, counts, address reuse, and a cycle only the collector frees.
import ctypes
import gc
import sys


def ref_count(address):
    return ctypes.c_long.from_address(address).value


a = [1, 2, 3]
print(sys.getrefcount(a))
b = a
c = a
print(ref_count(id(a)))
c = 10
b = None
a_id = id(a)
a = None
print(ref_count(a_id))


class A:
    def __init__(self):
        self.b = B(self)


class B:
    def __init__(self, a):
        self.a = a


gc.disable()
my_var = A()
a_id = id(my_var)
b_id = id(my_var.b)
print(ref_count(a_id), ref_count(b_id))
my_var = None
print(ref_count(a_id), ref_count(b_id))
print(gc.collect())
x = []
x.append(x)
del x
print(gc.collect())
