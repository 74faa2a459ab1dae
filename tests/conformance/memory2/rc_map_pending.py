# a map object holds the function and the iterator until exhausted
import sys
data = ["x", "y"]
def f(v):
    return v * 2
print("data:", sys.getrefcount(data))
m = map(f, data)
print("map pending:", sys.getrefcount(data))
print(list(m))
print("map exhausted:", sys.getrefcount(data))
del m
print("map gone:", sys.getrefcount(data))
