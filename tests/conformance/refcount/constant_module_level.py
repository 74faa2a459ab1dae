# large int constant at module level (the seed's getrefcount(278))
import sys

print(sys.getrefcount(278))
x = 278
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
