# the loop variable holds a reference; it stays bound after the loop
import sys

items = [[1], [2], [3]]
for item in items:
    print(item, sys.getrefcount(item))
print("after loop:", item, sys.getrefcount(item))
del item
print("deleted:", sys.getrefcount(items[2]))

def in_func(seq):
    for it in seq:
        pass
    return sys.getrefcount(it)

print("in function:", in_func(items))
