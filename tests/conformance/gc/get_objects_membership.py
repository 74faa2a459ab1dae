# the seed's object_by_id, before and after a collection
import gc

def object_by_id(object_id):
    for obj in gc.get_objects():
        if id(obj) == object_id:
            return "Object exits"
    return "Not Found"

class A:
    pass

gc.collect()
a = A()
b = A()
a.peer = b
b.peer = a
a_id = id(a)
print(object_by_id(a_id), object_by_id(id(b)))
print(object_by_id(id(12345)))
del a, b
print(object_by_id(a_id))
print(gc.collect())
print(object_by_id(a_id))
