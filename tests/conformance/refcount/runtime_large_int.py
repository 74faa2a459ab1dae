# big ints made at runtime are fresh objects
import sys

n = int("123456789012345678901234567890")
print(sys.getrefcount(n))
m = n
print(sys.getrefcount(n))
k = n + 0
print(k == n, sys.getrefcount(n))
big = 10 ** 30 + len("xy")
print(sys.getrefcount(big))
