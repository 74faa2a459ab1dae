# list methods that copy, move or drop references
import sys
o = ["o"]
lst = [o]
print("1 slot:", sys.getrefcount(o))
lst.extend([o, o])
print("extend 2:", sys.getrefcount(o))
lst.insert(0, o)
print("insert:", sys.getrefcount(o))
x = lst.pop()
print("pop bound to x:", sys.getrefcount(o))
lst.remove(o)
print("remove:", sys.getrefcount(o))
lst2 = lst * 2
print("multiplied:", sys.getrefcount(o))
del lst2, x
print("end:", sys.getrefcount(o), len(lst))
