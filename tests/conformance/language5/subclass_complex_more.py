# A subclass of complex: its own __new__ and __repr__ through super(), attributes in __dict__, arithmetic
# results as plain complex unless overridden, complex()/C() of an instance, sizes, the unbound methods.
import sys


class C(complex):
    def __new__(cls, re=0, im=0, tag="t"):
        self = super().__new__(cls, re, im)
        self.tag = tag
        return self

    def __repr__(self):
        return "C" + super().__repr__()

    def __add__(self, other):
        return C(super().__add__(other), tag="sum")


class D(complex):
    pass


c = C(1, 2, tag="x")
print("C", c, repr(c), c.tag, c.__dict__, isinstance(c, complex), issubclass(C, complex))
s = c + 1
print("add", repr(s), s.tag, type(1 + c).__name__, type(c * 2).__name__, type(c - c).__name__)
print("hash", hash(c) == hash(1+2j), {c: 1}[1+2j], c == 1+2j, c != 2, bool(D()), bool(D(0, 1)))
d = D(3, 4)
print("ops", repr(d), abs(d), -d, +d, type(+d).__name__, d ** 2, 2 ** d, d / 2, d.conjugate(), type(d.conjugate()).__name__)
print("construct", type(complex(d)).__name__, type(D(d)).__name__, D(d) is d, D("1+2j"), D(imag=3), type(complex.__new__(D, 1)).__name__)
print("parts", d.real, d.imag, format(d, ".1f"), f"{d}", str(d), "%s %r" % (d, d))
d.x = 1
print("dict", d.__dict__, vars(d))
print("sizes", sys.getsizeof(1j), sys.getsizeof(d), d.__sizeof__(), (1j).__sizeof__())
print("unbound", D.conjugate(d), complex.conjugate(d), complex.__add__(d, 1), complex.__abs__(d), D.__hash__(d) == hash(d))


class E(complex):
    def __complex__(self):
        return 7j


print("__complex__", complex(E(1)), E(E(1)), type(E(E(1))).__name__)
