# A tour of the five seed notes' experiments, runnable under refpy and CPython 3.11 alike.
#
#     cargo run --release -- examples/seeds.py      (compare: python3 examples/seeds.py)
#
# Raw addresses differ from run to run, so the tour prints comparisons of ids instead of the ids.

import gc
import sys
import ctypes
from ctypes import c_long


def ref_count(address: int):
    """The exact count, read from the object's first word (no temporary reference is added)."""
    return c_long.from_address(address).value


print("== 1. Variables are references to objects on the heap")
my_var = 10
print("id(my_var) == id(10):", id(my_var) == id(10), " (small ints -5..256 are shared)")
print("hex(id(my_var)) looks like an address:", hex(id(my_var)).startswith("0x"))
greeting = "hello"
print("id(greeting) == id('hello'):", id(greeting) == id("hello"), " (identifier-like strings are interned)")

print()
print("== 2. sys.getrefcount counts its own argument too")
a = [1, 2, 3]
print("sys.getrefcount(a):", sys.getrefcount(a))
print("ctypes count      :", ref_count(id(a)))
b = a
print("after b = a       :", sys.getrefcount(a), ref_count(id(a)))
c = a
print("after c = a       :", ref_count(id(a)))
c = 10
print("after c = 10      :", ref_count(id(a)))
b = None
print("after b = None    :", ref_count(id(a)))
print("sys.getrefcount(278):", sys.getrefcount(278), " (code constant + parser's copy + argument)")

print()
print("== 3. Passing an object to a function adds a reference for the call")


def foo(x):
    return sys.getrefcount(x)


l = [1, 2, 3]
print("foo(l)        :", foo(l), " (global l, parameter x, getrefcount's argument)")
print("foo([1, 2, 3]):", foo([1, 2, 3]), " (only parameter x and the argument)")

print()
print("== 4. Mutation is not rebinding; slices copy")
l1 = [1, 2, 3]
l2 = l1
l1[0] = 44
print("l2 sees the change:", l2, " count unchanged:", sys.getrefcount(l1))
h1 = [1, 2, 3, 4, 5]
h2 = h1[0:3]
print("slice is a new list:", h2, h2 is h1)
m = [1, 2, 3]
n = [1, 2, 3]
print("m == n:", m == n, " m is n:", m is n)

print()
print("== 5. When the last reference goes, the object is freed at once")
a_id = id(a)
a = None
print("count right after a = None:", ref_count(a_id), " (the freed block reads 0 until reused)")

print()
print("== 6. Reference cycles need the garbage collector")


class A:
    def __init__(self):
        self.b = B(self)


class B:
    def __init__(self, a):
        self.a = a


def object_by_id(object_id):
    for obj in gc.get_objects():
        if id(obj) == object_id:
            return "Object exists"
    return "Not Found"


gc.collect()
gc.disable()
my_var = A()
a_id = id(my_var)
b_id = id(my_var.b)
print("reference count of A:", ref_count(a_id), " of B:", ref_count(b_id))
print("A:", object_by_id(a_id), " B:", object_by_id(b_id))
my_var = None
print("after my_var = None: A", ref_count(a_id), " B", ref_count(b_id), " (they keep each other alive)")
print("A:", object_by_id(a_id), " B:", object_by_id(b_id))
print("gc.collect() found:", gc.collect(), " (A and B; 3.11 keeps their attributes inline, no dicts)")
print("A:", object_by_id(a_id), " B:", object_by_id(b_id))
gc.enable()

print()
print("== 7. A list that contains itself")
x = []
print(x)
x.append(x)
print(x)
print("Reference Count of X is", sys.getrefcount(x))
del x
print("gc.collect():", gc.collect())

print()
print("== 8. del removes the name; using it afterwards is a NameError")
a = []
b = a
print(f"Reference count of a is {sys.getrefcount(a)}")
b = []
print(f"Reference count of a is {sys.getrefcount(a)}")
del a
del b
try:
    print(f"Reference count of a is {sys.getrefcount(a)}")
except NameError as e:
    print("NameError:", e)
