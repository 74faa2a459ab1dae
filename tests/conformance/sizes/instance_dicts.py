# 3.11 instance dicts: a class shares one keys table among its instances' dicts (30 names at most); each new
# instance takes one slot of its spare room, a materialised __dict__ is a split table whose size is read from
# the shared keys, and a name they cannot take or a non-str key makes it a combined dict.
import sys


class A:
    pass


a = A()
a.x = 1
print("one attribute", sys.getsizeof(a.__dict__))
b = A()
print("after another instance", sys.getsizeof(a.__dict__))
more = [A() for i in range(5)]
print("after five more", sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
a.y = 2
print("second name", sys.getsizeof(a.__dict__))


class B:
    pass


d = B().__dict__
print("fresh empty", sys.getsizeof(d))


class C:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


c = C()
print("three in __init__", sys.getsizeof(c.__dict__))
c2 = C()
print(sys.getsizeof(c.__dict__), sys.getsizeof(c2.__dict__), sys.getsizeof(vars(C())))
c.__dict__[5] = 1
print("non-str key", sys.getsizeof(c.__dict__))


class D:
    pass


x = D()
for i in range(35):
    setattr(x, "a%d" % i, i)
print("35 names", sys.getsizeof(x.__dict__))
print("next instance", sys.getsizeof(D().__dict__))


class E:
    pass


e = E()
dd = e.__dict__
for i in range(35):
    setattr(e, "a%d" % i, i)
print("35 names after materialising", sys.getsizeof(dd))


class F:
    pass


f = F()
f.a = 1
dd = f.__dict__
dd["b"] = 2
print("item set", sys.getsizeof(dd))
del dd["a"]
print("item deleted", sys.getsizeof(dd))
print("copy", sys.getsizeof(dd.copy()))
dd.clear()
print("cleared", sys.getsizeof(dd))
print("instance sizes", sys.getsizeof(f), sys.getsizeof(F))
