# Special methods reached as attributes (5 .__add__, L().__len__, list.__hash__ is None) and subclass
# construction chains: __new__ through two levels, __new__ returning another type, copy of subclass instances.
class L(list): pass
class I(int): pass
class D(dict): pass
print(hasattr(5, "__iter__"), hasattr("", "__len__"), [].__hash__, L().__hash__, L.__hash__, D.__hash__, hasattr(1.5, "__invert__"))
print((5).__add__(3), (5).__radd__(1), "a".__add__("b"), [1].__add__([2]), (1).__lt__(2), "x".__mul__(3), True.__and__(False) if hasattr(True, "__and__") else "-")
print(I(3).__add__(1), I(3).__repr__(), L([1]).__len__(), L([1]).__getitem__(0), D(a=1).__getitem__("a"), (2.5).__neg__(), I(2).__bool__())
print({1}.__or__({2}), (3).__truediv__(2), (3).__rsub__(10), "%s".__mod__(5), (1).__eq__("a"), [1].__eq__([1]))
try:
    hash(L())
except TypeError as e: print(e)
print(int.__add__(3, 4), list.__len__([1, 2]), dict.__hash__, int.__hash__(7), str.__hash__("a") == hash("a"))

import copy, math
class I(int): pass
class A(int):
    def __new__(cls, v):
        print("A.__new__", cls.__name__)
        return super().__new__(cls, v)
class B(A):
    def __new__(cls, v):
        print("B.__new__")
        return super().__new__(cls, v + 1)
    def __init__(self, v):
        print("B.__init__", v, int(self))
b = B(1)
print(b, type(b).__name__, isinstance(b, A), b + b)
l = list(range(10))
print(l[I(1):I(4)], l[I(2)], range(10)[I(3)], math.floor(2.5), math.sqrt(I(16)), math.floor(type("F", (float,), {})(2.5)))
class Z(int):
    def __bool__(self): return False
    def __index__(self): return 1
print(bool(Z(5)), [1, 2, 3][Z(2)], not Z(3), "yes" if Z(1) else "no")
class L(list): pass
c = copy.copy(L([1, [2]])); print(c, type(c).__name__)
dc = copy.deepcopy(L([1, [2]])); print(dc, type(dc).__name__)
x = L([1]); x.tag = 5; y = copy.copy(x); print(y, y.tag)
class S(str): pass
print(copy.copy(S("a")), type(copy.copy(S("a"))).__name__)
class Weird(int):
    def __new__(cls, v):
        return "not an int"
    def __init__(self, v):
        print("never")
print(Weird(3))
class Dflt(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
dd = Dflt(list); dd["a"].append(1); dd["b"]; print(dd, dd.factory)
print(type(I(3)) == I, I.__name__, I.__qualname__, I(3).__class__, repr(I), str(I(2)), I(2).__str__(), I(2).__repr__())
print(sorted([S("b"), S("a")], key=str.upper), max([I(1), I(9)], key=lambda v: -v), "x".join(S("abc")))
print(int.__new__(I, 5), type(int.__new__(I, 5)).__name__, str.__new__(S, "z"), tuple.__new__(type("TT", (tuple,), {}), [1, 2]))
class E(int):
    def __init__(self, v):
        super().__init__()
        self.v2 = v * 2
print(E(4), E(4).v2)
print(hash(S("abc")) == hash("abc"), S("abc").__hash__() == "abc".__hash__(), I(3).__hash__())
print(isinstance(I(1), (str, int)), issubclass(bool, int), I.__base__, L.__base__, L.__bases__)
print(dir(I)[:3], len(S("héllo")), S("abc").encode(), bytes(S("ab"), "ascii") if False else b"", I(255).to_bytes(1, "little"))
print(f"{I(42)!r} {S('q')!r} {F(1.0)!r}" if (F := type("F", (float,), {})) else "")
