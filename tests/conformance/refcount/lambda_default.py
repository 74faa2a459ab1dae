# lambdas capture via defaults or cells
import sys

v = [3]
f = lambda x=v: x
print(sys.getrefcount(v))
def maker(w):
    return lambda: w
g = maker(v)
print(sys.getrefcount(v))
del f
print(sys.getrefcount(v))
del g
print(sys.getrefcount(v))
