# Subclasses of int: construction through int.__new__, the value acting as an int everywhere,
# user overrides winning, instance attributes.
class I(int):
    pass

a = I(5)
print(a, repr(a), str(a), type(a).__name__, isinstance(a, int), type(a) is int)
print(a + 1, 1 + a, a * a, a - 10, a // 2, a % 3, a ** 2, -a, +a, ~a, abs(I(-3)))
print(type(a + 1).__name__, type(-a).__name__, type(abs(a)).__name__)
print(a == 5, 5 == a, a < 6, a >= 5, a != 5, I(3) < I(4), sorted([I(3), 1, I(2)]))
print(hash(a) == hash(5), {a: "x"}[5], {5: "y"}[a], a in {5}, 5 in {a})
print(int(a), type(int(a)).__name__, float(a), str(a), f"{a:>4}|{a:x}|{a:05d}", "%d" % a, format(a, "b"))
print(I("12"), I("ff", 16), I(3.9), I(), I(True), bool(I(0)), bool(I(2)))
print(a.bit_length(), a.to_bytes(2, "big"), a.real, a.numerator, a.denominator)
print(list(range(I(3))), [10, 20, 30][I(1)], "abc"[I(2)], divmod(a, 2), pow(a, 2, 3), round(a))
print(max(I(1), I(7), 3), min(I(1), 0), sum([I(1), I(2)]), hex(a), oct(a), bin(a), chr(I(65)))

a.tag = "t"
print(a.tag, a.__dict__, a + 0)


class Named(int):
    def __repr__(self):
        return "Named(%d)" % int(self)


n = Named(3)
print(repr(n), str(n), f"{n}", [n], n + 1, "%s %r" % (n, n), format(n, ""), format(n, "3d"))


class Add(int):
    def __add__(self, other):
        return "Add.__add__"

    def __radd__(self, other):
        return "Add.__radd__"

    def __neg__(self):
        return "neg"


x = Add(2)
print(x + 1, 1 + x, x - 1, -x, x * 2, sum([1], x) if False else 0)


class P(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 10)


class Q(int):
    def __new__(cls, v):
        self = int.__new__(cls, v + 1)
        self.orig = v
        return self


print(P(3), P(3) + 1, type(P(3)).__name__, Q(4), Q(4).orig)


class Eq(int):
    def __eq__(self, other):
        return True


try:
    hash(Eq(1))
except TypeError as e:
    print("TypeError:", e)
print(Eq(1) == 99, 99 == Eq(1), Eq(1) != 2)


class Hashed(int):
    def __eq__(self, other):
        return int(self) % 10 == int(other) % 10

    def __hash__(self):
        return int(self) % 10


d = {Hashed(13): "a"}
print(d[Hashed(3)], Hashed(13) == 23, Hashed(3) in d, 3 in d)


class Slotted(int):
    __slots__ = ()


s = Slotted(9)
try:
    s.tag = 1
except AttributeError as e:
    print("AttributeError:", e)
print(s + 1, hasattr(s, "__dict__"))


class Cmp(int):
    def __gt__(self, other):
        return "Cmp.__gt__"


print(1 < Cmp(5), Cmp(5) > 1, Cmp(5) < 1)
print(isinstance(True, int), issubclass(I, int), I.__mro__ == (I, int, object), I.__bases__)
