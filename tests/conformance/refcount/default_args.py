# a mutable default lives in __defaults__ and is shared between calls
import sys

def f(acc=[]):
    acc.append(len(acc))
    return acc

d = f.__defaults__[0]
print(sys.getrefcount(d))
r1 = f()
r2 = f()
print(r1 is r2, r1)
print(sys.getrefcount(d))
del r1, r2
print(sys.getrefcount(d))
