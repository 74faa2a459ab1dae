# exception args, str, repr and attributes
e = ValueError("bad", 42)
print(e.args, str(e), repr(e))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()))
print(str(Exception()), repr(Exception()), repr(OSError(2, "nope")))
class MyErr(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyErr(7)
except Exception as ex:
    print(type(ex).__name__, ex, ex.code, ex.args)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print([c.__name__ for c in IndexError.__mro__])
try:
    raise StopIteration(5)
except StopIteration as s:
    print(s.value)
