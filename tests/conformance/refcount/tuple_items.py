# tuple items are references too
import sys

x = [1]
t = (x, x)
print(sys.getrefcount(x))
u = (t, x)
print(sys.getrefcount(x), sys.getrefcount(t))
del t
print(sys.getrefcount(x), sys.getrefcount(u[0]))
del u
print(sys.getrefcount(x))
