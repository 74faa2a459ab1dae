# comprehension temporaries are released after it finishes
import sys
src = [["a"], ["b"]]
first = src[0]
print("before:", sys.getrefcount(first))
copies = [x for x in src]
print("list comp copy:", sys.getrefcount(first))
pairs = {i: x for i, x in enumerate(src)}
print("dict comp:", sys.getrefcount(first))
total = sum(len(x) for x in src)
print("after genexpr:", sys.getrefcount(first))
del copies, pairs
print("cleaned:", sys.getrefcount(first))
