# unpacking adds one reference per target
import sys

p = [1]
q = [2]
pair = (p, q)
print(sys.getrefcount(p), sys.getrefcount(q))
a, b = pair
print(sys.getrefcount(p), sys.getrefcount(q))
first, *rest = [p, q, q]
print(sys.getrefcount(p), sys.getrefcount(q), len(rest))
a, b = b, a
print(sys.getrefcount(p), sys.getrefcount(q))
