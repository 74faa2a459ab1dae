# super() and T.method(self, ...) reaching the built-in type's methods from overrides in a subclass.
class Money(int):
    def __add__(self, other):
        return Money(super().__add__(other))

    def __radd__(self, other):
        return Money(int.__radd__(self, other))

    def __repr__(self):
        return "$" + super().__repr__()

    def __eq__(self, other):
        return super().__eq__(other)

    __hash__ = int.__hash__


m = Money(5) + 3
print(m, type(m).__name__, 2 + Money(1), sum([Money(1), Money(2)]), Money(5) == 5, {Money(5): "x"}[5])
print(super(Money, Money(4)).__add__("x"), int.__add__(Money(4), 1), int.__repr__(Money(7)), Money.__mro__[1])


class Log(list):
    def append(self, x):
        print("append", x)
        super().append(x)

    def __setitem__(self, i, v):
        print("set", i, v)
        list.__setitem__(self, i, v)

    def __getitem__(self, i):
        v = super().__getitem__(i)
        return ("got", v)

    def __delitem__(self, i):
        print("del", i)
        super().__delitem__(i)

    def __len__(self):
        return super().__len__() + 1000

    def __contains__(self, x):
        return super().__contains__(x) or x == "any"

    def __iter__(self):
        return super().__iter__()


lg = Log()
lg.append(1)
lg.append(2)
lg[0] = 5
del lg[1]
print(lg, lg[0], len(lg), "any" in lg, 5 in lg, list(lg), Log.append is not list.append, list.__len__(lg))


class Text(str):
    def __getitem__(self, i):
        return Text(super().__getitem__(i) * 2)

    def __len__(self):
        return str.__len__(self) * 10

    def __str__(self):
        return "Text:" + super().__str__()

    def upper(self):
        return "custom " + super().upper()


t = Text("abc")
print(t[0], len(t), str(t), t.upper(), t.lower(), repr(t), Text.lower(t), str.upper(t), format(t, ">5"))


class Vec(tuple):
    def __new__(cls, *xs):
        return super().__new__(cls, xs)

    def __add__(self, other):
        return Vec(*(a + b for a, b in zip(self, other)))

    def __mul__(self, k):
        return Vec(*(a * k for a in self))

    def __rmul__(self, k):
        return self * k

    def __repr__(self):
        return "Vec" + super().__repr__()


v = Vec(1, 2)
print(v + Vec(10, 20), v * 3, 3 * v, len(v), v[0], v == (1, 2), tuple.__add__(v, (3,)), tuple.__len__(v))


class Dd(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.inits = getattr(self, "inits", 0) + 1

    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)

    def __repr__(self):
        return "Dd(" + dict.__repr__(self) + ")"


dd = Dd({"a": 1}, b=2)
dd["c"] = 3
dict.__setitem__(dd, "d", 4)
print(dd, dd.inits, dict.__getitem__(dd, "c"), dict.__len__(dd), dd.keys(), dict.get(dd, "a"), list(dict.items(dd)))
dd.__init__(e=5)
print(dd, dd.inits)


class Fl(float):
    def __str__(self):
        return "%.1f!" % self

    def __format__(self, spec):
        return "F" + super().__format__(spec)


print(Fl(1.25), repr(Fl(1.25)), f"{Fl(1.25):.3f}", format(Fl(2), ""), float.__repr__(Fl(3)))
