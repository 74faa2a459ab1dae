# lambdas capture cells, not values; the cell keeps the object alive
import sys
def make(o):
    return lambda: o
obj = ["cap"]
print("before:", sys.getrefcount(obj))
f = make(obj)
print("captured once:", sys.getrefcount(obj))
g = make(obj)
print("captured twice:", sys.getrefcount(obj))
del f, g
print("released:", sys.getrefcount(obj))
