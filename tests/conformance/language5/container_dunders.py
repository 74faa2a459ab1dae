# In-place operators, __reversed__ and range's sequence methods called as attributes, on built-in values
# and on subclass instances (the result is self).
class L(list): pass
class D(dict): pass
class S(set): pass
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
x = [1]
attempt("iadd", lambda: (x.__iadd__((2, 3)) is x, x))
attempt("imul", lambda: (x.__imul__(2) is x, x))
attempt("iadd int", lambda: [].__iadd__(1))
attempt("imul str", lambda: [].__imul__("a"))
attempt("iadd args", lambda: [].__iadd__())
l = L([5])
attempt("subclass iadd", lambda: (l.__iadd__([6]) is l, l, type(l).__name__))
b = bytearray(b"ab")
attempt("bytearray", lambda: (b.__iadd__(b"c") is b, b.__imul__(2), b))
attempt("bytearray bad", lambda: bytearray().__iadd__(5))
d = {1: 2}
attempt("dict ior", lambda: (d.__ior__({3: 4}) is d, d.__ior__([(5, 6)]), d))
attempt("dict ior bad", lambda: {}.__ior__(5))
dd = D(a=1)
attempt("dict subclass", lambda: (dd.__ior__({"b": 2}) is dd, dd))
s = {1, 2, 3}
attempt("set ops", lambda: (s.__iand__({1, 2}), s.__ior__({9}), s.__isub__({1}), s.__ixor__({2, 7}), s))
attempt("set other", lambda: ({1}.__ior__([2]), {1}.__iand__(frozenset([1]))))
ss = S([1])
attempt("set subclass", lambda: (ss.__ior__({2}) is ss, sorted(ss)))
attempt("reversed", lambda: (list([1, 2, 3].__reversed__()), list({"a": 1, "b": 2}.__reversed__()), list(range(1, 8, 3).__reversed__())))
attempt("reversed sub", lambda: (list(L([1, 2]).__reversed__()), list(D(x=1, y=2).__reversed__())))
attempt("reversed arg", lambda: [].__reversed__(1))
r = range(2, 10, 2)
attempt("range", lambda: (r.__len__(), r.__getitem__(1), r.__contains__(4), list(r.__iter__()), r.__getitem__(slice(1, 3))))
attempt("range index", lambda: r.__getitem__(10))
attempt("hasattr", lambda: [hasattr(v, "__iadd__") for v in ([], (), "", b"", bytearray(), {}, set(), frozenset())])
