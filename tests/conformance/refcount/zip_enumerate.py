# zip and enumerate objects hold iterators over their inputs
import sys

a = [1, 2]
b = [3, 4]
z = zip(a, b)
e = enumerate(a)
print(sys.getrefcount(a), sys.getrefcount(b))
print(list(z))
print(sys.getrefcount(a), sys.getrefcount(b))
del z, e
print(sys.getrefcount(a), sys.getrefcount(b))
