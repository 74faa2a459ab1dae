# the same large constant in module code and in a function
import sys

def f():
    return sys.getrefcount(99999)

print(sys.getrefcount(99999))
print(f())
