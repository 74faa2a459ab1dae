# slices and copies create new containers pointing at the same items
import sys

e = [0]
src = [e, e, e, e]
print(sys.getrefcount(e))
part = src[1:3]
print(sys.getrefcount(e), sys.getrefcount(src))
full = src[:]
print(sys.getrefcount(e))
copy2 = list(src)
print(sys.getrefcount(e), full is src, copy2 == src)
del part, full, copy2
print(sys.getrefcount(e))
