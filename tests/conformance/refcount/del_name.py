# del removes one reference; the object survives while others exist
import sys

a = {"k": 1}
b = a
c = a
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
del c
print(sys.getrefcount(a))
try:
    print(b)
except NameError as e:
    print("NameError:", e)
