# sort with a key does not leave references behind
import sys
items = [["c"], ["a"], ["b"]]
first = items[0]
print("before:", sys.getrefcount(first))
items.sort(key=lambda x: x[0])
print("after sort:", sys.getrefcount(first))
s = sorted(items, key=lambda x: x[0], reverse=True)
print("sorted copy:", sys.getrefcount(first))
m = max(items, key=len)
print("max result bound:", sys.getrefcount(first), m is items[0])
del s, m
print("end:", sys.getrefcount(first))
