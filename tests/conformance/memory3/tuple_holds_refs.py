import sys
a = [1]
t = (a, a, a)
print(sys.getrefcount(a))
t2 = t + (a,)
print(sys.getrefcount(a))
del t
print(sys.getrefcount(a))
del t2
print(sys.getrefcount(a))
