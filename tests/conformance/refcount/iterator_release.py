# a list iterator drops its list when exhausted
import sys

data = [1, 2]
print(sys.getrefcount(data))
it = iter(data)
print(sys.getrefcount(data))
print(next(it), next(it))
print(sys.getrefcount(data))
print(next(it, "done"))
print(sys.getrefcount(data))
