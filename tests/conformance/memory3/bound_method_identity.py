import sys
class A:
    def m(self):
        return 1
a = A()
print("is", a.m is a.m)
print("eq", a.m == a.m)
print("refs a", sys.getrefcount(a))
bm = a.m
print("refs a with bound", sys.getrefcount(a))
print("self is a", bm.__self__ is a)
print("func is", bm.__func__ is A.m)
del bm
print("refs a after", sys.getrefcount(a))
