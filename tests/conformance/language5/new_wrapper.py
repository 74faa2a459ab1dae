# T.__new__ of built-in types (a static method bound to the type that defines it): the class argument is
# checked as CPython's tp_new_wrapper checks it, then an instance of that class is made.
class A: pass
class I(int): pass
class J(I):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
class T(tuple): pass
class E(ValueError): pass
def attempt(label, f):
    try:
        r = f()
        print(label, repr(r), type(r).__name__)
    except Exception as e:
        print(label, type(e).__name__, e)
attempt("int", lambda: int.__new__(int, "7"))
attempt("int sub", lambda: int.__new__(I, 5))
attempt("J", lambda: J(4))
attempt("tuple sub", lambda: tuple.__new__(T, [1, 2]))
attempt("list", lambda: list.__new__(list, [1, 2]))
attempt("object", lambda: type(object.__new__(A)).__name__)
attempt("no args", lambda: object.__new__())
attempt("not type", lambda: int.__new__(1))
attempt("not subtype", lambda: int.__new__(str))
attempt("unsafe", lambda: object.__new__(I))
attempt("unsafe bool", lambda: int.__new__(bool))
attempt("exception", lambda: BaseException.__new__(E, 1).args)
attempt("str", lambda: str.__new__(str, 5))
attempt("same", lambda: (int.__new__ == int.__new__, I.__new__ == int.__new__, A.__new__ == object.__new__, A.__new__ != int.__new__))
attempt("self", lambda: ((5).__new__.__self__ is int, A().__new__.__self__ is object, I.__new__.__self__ is int, J.__new__.__name__))
attempt("names", lambda: (int.__new__.__name__, (1.5).__new__(float, 2)))
