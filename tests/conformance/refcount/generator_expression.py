# a generator expression keeps an iterator over its source
import sys

data = [1, 2, 3]
print(sys.getrefcount(data))
g = (x * 2 for x in data)
print(sys.getrefcount(data))
print(sum(g))
print(sys.getrefcount(data))
del g
print(sys.getrefcount(data))
