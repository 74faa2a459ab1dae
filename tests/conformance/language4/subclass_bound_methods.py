# Methods of the built-in type bound to a subclass instance (the instance is __self__ and is kept alive),
# class methods bound to the subclass (D.fromkeys makes a D), bytearray subclasses.
import sys
class L(list):
    def add(self, x):
        super().append(x)
class D(dict): pass
l = L([3, 1, 2])
m = l.append
print(sys.getrefcount(l), m.__self__ is l, repr(m)[:35], type(m).__name__)
m(4); l.sort(); l.add(5)
print(l, l.pop(), l, l.copy(), type(l.copy()).__name__)
print(D.fromkeys([1, 2]), type(D.fromkeys([1])).__name__, D(a=1).fromkeys("b"), type(D().fromkeys("b")).__name__)
class B(bytearray): pass
b = B(b"ab"); b.append(99); print(b, type(b).__name__, len(b), b[0], bytes(b), b.decode(), B(3))
