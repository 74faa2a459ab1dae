# Private names inside a class are mangled to _Class__name wherever the compiler emits them: attributes,
# variables, parameters (and their defaults/annotations keys), nested classes, globals, lambdas, comprehensions.
class _Priv:
    __a = 1
    def __m(self): return "m"
    def call(self): return self.__m(), self.__a, _Priv.__a
    class __Inner:
        __b = 2
        def get(self): return self.__b
    def inner(self): return self.__Inner().get()
    def kw(self, *, __k=3, __j: int = 4): return __k + __j
    def closure(self):
        __v = 10
        def f(): return __v
        return f()
    def gl(self):
        global __g
        __g = 5
        return __g
    lam = lambda self, __x=1: __x
    comp = [__q for __q in range(2)]
    def deleter(self):
        self.__z = 1
        del self.__z
        return hasattr(self, "_Priv__z")
    def getattr_str(self):
        return getattr(self, "__a", "not mangled in strings")
class ___:
    __u = 1
p = _Priv()
print(p.call(), p.inner(), p.kw(), p.closure(), p.gl(), p.lam(), _Priv.comp, p.deleter(), p.getattr_str())
print(sorted(k for k in vars(_Priv) if "__" in k and not k.endswith("__")))
print(_Priv.kw.__kwdefaults__, _Priv.kw.__annotations__, _Priv._Priv__m.__name__, _Priv._Priv__m.__qualname__, _Priv.kw.__code__.co_varnames)
print(sorted(k for k in vars(___) if not k.endswith("__")), "_Priv__g" in globals())
try:
    p.__a
except AttributeError as e:
    print(e)
