# del of list items and slices drops references
import sys
obj = ["o"]
lst = [obj] * 6
print("6 refs:", sys.getrefcount(obj))
del lst[0]
print("del one:", sys.getrefcount(obj))
del lst[1:3]
print("del slice of 2:", sys.getrefcount(obj))
del lst[::2]
print("del step slice:", sys.getrefcount(obj), len(lst))
lst[:] = []
print("cleared:", sys.getrefcount(obj))
