# What every object inherits from object: __format__, __dir__, __getstate__, __subclasshook__,
# __init_subclass__, __doc__, called directly, with CPython's errors for bad calls.
class A:
    """A doc."""
    def __init__(self):
        self.v = 1
class B:
    __slots__ = ("x", "y")
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)
a = A()
attempt("format empty", lambda: a.__format__("") == str(a))
attempt("format spec", lambda: a.__format__("x"))
attempt("format int arg", lambda: object().__format__(1))
attempt("format no arg", lambda: object().__format__())
attempt("dir", lambda: a.__dir__() == dir(a) or sorted(a.__dir__()) == dir(a))
attempt("dir arg", lambda: a.__dir__(1))
attempt("getstate is dict", lambda: a.__getstate__() is a.__dict__)
attempt("getstate object", lambda: object().__getstate__())
attempt("getstate list", lambda: [1].__getstate__())
b = B(); b.x = 5
attempt("getstate slots", lambda: b.__getstate__())
attempt("hook", lambda: object.__subclasshook__())
attempt("hook args", lambda: A.__subclasshook__(1, 2))
attempt("init_subclass", lambda: object.__init_subclass__())
attempt("init_subclass arg", lambda: object.__init_subclass__(1))
attempt("docs", lambda: (A.__doc__, a.__doc__, object.__doc__.splitlines()[0], (5).__doc__.splitlines()[0]))
attempt("more docs", lambda: ([].__doc__.splitlines()[0], None.__doc__, KeyError().__doc__, ValueError.__doc__))
attempt("sizeof", lambda: object().__sizeof__() == object.__sizeof__(object()))
print(type(a).__dir__ is object.__dir__ if False else "ok", hasattr(3, "__reduce_ex__"), hasattr(None, "__init_subclass__"))
