# Subclasses of float, tuple and frozenset: construction, the value as the built-in, overrides.
class F(float):
    pass


f = F(2.5)
print(f, repr(f), type(f).__name__, f * 2, 1 + f, f / 2, -f, abs(F(-1.5)), f == 2.5, f > 2, round(f), int(f))
print(type(f * 2).__name__, float(f), type(float(f)).__name__, F("1e3"), F(3), F(), hash(F(1.0)) == hash(1))
print(f"{f:.3f}|{f:8.2e}|{f}", "%.1f" % f, f.is_integer(), f.as_integer_ratio(), f.real, f.imag, math_ok := True)
f.unit = "m"
print(f.unit, max(F(1.5), 1), sorted([F(2.0), 1, F(0.5)]))


class Celsius(float):
    def __new__(cls, v, unit="C"):
        self = super().__new__(cls, v)
        self.unit = unit
        return self

    def __repr__(self):
        return "%s°%s" % (float(self), self.unit)


c = Celsius(21.5)
print(c, repr(c), str(c), c + 1, [c], c.unit, Celsius(3, "F"))


class T(tuple):
    def first(self):
        return self[0]


t = T((1, 2, 3))
print(t, repr(t), type(t).__name__, len(t), t[1], t[-1], t[0:2], type(t[0:2]).__name__, t.first(), t.count(2), t.index(3))
print(t + (4,), (0,) + t, type(t + (4,)).__name__, t * 2, 2 in t, list(t), tuple(t), type(tuple(t)).__name__)
print(t == (1, 2, 3), (1, 2, 3) == t, t < (1, 2, 4), hash(t) == hash((1, 2, 3)), {t: "k"}[(1, 2, 3)], T(), T("ab"), T([5]))
a, b, c2 = t
print(a, b, c2, *t, max(t), sum(t), sorted(T((3, 1, 2))))


class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))

    @property
    def x(self):
        return self[0]

    def __repr__(self):
        return "Point(%r, %r)" % self


p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), repr(p), str(p), {p: 1}, "%s" % (p,))
try:
    p.z = 3
    print(p.z)
except AttributeError as e:
    print("AttributeError", e)


class Fs(frozenset):
    pass


fs = Fs([1, 2, 2, 3])
print(fs, repr(fs), Fs(), len(fs), 2 in fs, sorted(fs), fs == {1, 2, 3}, fs | {4}, type(fs | {4}).__name__, fs & {2, 9})
print(hash(fs) == hash(frozenset({1, 2, 3})), {fs: 1}[frozenset({1, 2, 3})], fs.issubset({1, 2, 3, 4}), fs <= {1, 2, 3})


class MySet(set):
    pass


ms = MySet([3, 1])
print(ms, repr(MySet()), len(ms), ms | {5}, type(ms | {5}).__name__)
ms.add(7)
ms |= {8}
print(sorted(ms), type(ms).__name__, ms == {1, 3, 7, 8})
