# seed 002: argument passing adds a reference during the call only
import sys

def foo(x):
    print("inside:", sys.getrefcount(x))

foo([1, 2, 3])
l = [1, 2, 3]
print("before:", sys.getrefcount(l))
foo(l)
print("after:", sys.getrefcount(l))
