# a bound method object keeps its instance alive
import sys

class C:
    def m(self):
        return sys.getrefcount(self)

o = C()
print("plain:", sys.getrefcount(o))
bm = o.m
print("bound:", sys.getrefcount(o))
bm2 = o.m
print("two bound:", sys.getrefcount(o), bm is bm2, bm == bm2)
del bm, bm2
print("released:", sys.getrefcount(o))
print("inside method:", o.m())
