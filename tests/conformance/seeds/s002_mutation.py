# seed 002: mutation does not change the reference count
import sys

l1 = [1, 2, 3]
l2 = l1
print(sys.getrefcount(l1))
l1[0] = 44
print(sys.getrefcount(l1))
print(l1, l2, l1 is l2)
