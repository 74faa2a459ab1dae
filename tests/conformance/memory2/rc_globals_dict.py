# module globals are entries of the globals() dict
import sys
value = ["v"]
g = globals()
print("is in globals:", g["value"] is value)
print("refs:", sys.getrefcount(value))
g["other"] = value
print("via globals():", sys.getrefcount(value), other is value)
del g["other"]
print("deleted via globals():", sys.getrefcount(value))
