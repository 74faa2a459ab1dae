# refcount of a runtime float through arithmetic temporaries
import sys
x = float("2.5")
print("x:", sys.getrefcount(x))
y = x
print("x, y:", sys.getrefcount(x))
z = x * 1
print("x * 1 is a new object:", z is x, sys.getrefcount(x))
w = x + 0.0
print("x + 0.0 new:", w is x)
items = [x, x]
print("list of two:", sys.getrefcount(x))
del y, items
print("end:", sys.getrefcount(x))
