# seed 001: A <-> B cycle survives refcounting, gc.collect() frees it (fresh script: 2 objects)
import gc
import ctypes

def ref_count(address):
    return ctypes.c_long.from_address(address).value

def object_by_id(object_id):
    for obj in gc.get_objects():
        if id(obj) == object_id:
            return "Object exits"
    return "Not Found"

class A:
    def __init__(self):
        self.b = B(self)
        print(f"A :self is b.a: {self is self.b.a}")

class B:
    def __init__(self, a):
        self.a = a
        print(f"B :self :{hex(id(self)) != hex(id(self.a))}")

gc.collect()
gc.disable()
my_var = A()
a_id = id(my_var)
b_id = id(my_var.b)
print(f"reference count of A : {ref_count(a_id)}")
print(f"Reference count of B : {ref_count(b_id)}")
print(object_by_id(a_id))
print(object_by_id(b_id))
my_var = None
print(ref_count(a_id))
print(ref_count(b_id))
print(object_by_id(a_id))
print(object_by_id(b_id))
print(gc.collect())
print(object_by_id(a_id))
print(object_by_id(b_id))
