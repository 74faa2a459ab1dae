# bound methods reference their instance
import sys
class C:
    def m(self):
        return sys.getrefcount(self)
c = C()
print("c:", sys.getrefcount(c))
print("inside method:", c.m())
bm = c.m
print("bound method held:", sys.getrefcount(c))
bms = [c.m for _ in range(3)]
print("three more bound methods:", sys.getrefcount(c))
del bm, bms
print("released:", sys.getrefcount(c))
