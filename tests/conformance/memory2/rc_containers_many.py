# each slot in each container is one reference
import sys
item = ["payload"]
base = sys.getrefcount(item)
lst = [item] * 5
print("list*5:", sys.getrefcount(item) - base)
d = {i: item for i in range(3)}
print("+dict values 3:", sys.getrefcount(item) - base)
s = {id(item): item}
print("+one more dict:", sys.getrefcount(item) - base)
lst.clear()
print("after clear:", sys.getrefcount(item) - base)
d.pop(0)
print("after pop:", sys.getrefcount(item) - base)
del d, s
print("end:", sys.getrefcount(item) - base)
