# Numeric special methods of int, bool and float called as attributes, bound and unbound, and on subclasses.
class I(int): pass
class F(float): pass
def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)
for x in [-7, True, 2.5, -3.75, I(-4), F(6.5)]:
    attempt("abs " + repr(x), lambda: (x.__abs__(), x.__float__(), x.__int__(), x.__trunc__(), x.__floor__(), x.__ceil__()))
    attempt("round " + repr(x), lambda: (x.__round__(), x.__round__(1), x.__divmod__(2), x.__rdivmod__(20)))
    attempt("newargs " + repr(x), lambda: x.__getnewargs__())
attempt("index", lambda: ((7).__index__(), True.__index__(), I(9).__index__(), int.__index__(5)))
attempt("float index", lambda: (1.5).__index__())
attempt("divmod other", lambda: ((7).__divmod__("a"), (7.0).__rdivmod__(None)))
attempt("divmod zero", lambda: (7).__divmod__(0))
attempt("abs arg", lambda: (3).__abs__(1))
attempt("floor arg", lambda: (3).__floor__(1))
attempt("round args", lambda: (3).__round__(1, 2))
attempt("round neg", lambda: ((1234).__round__(-2), (1250).__round__(-2), (2.675).__round__(2)))
attempt("inf", lambda: float("inf").__floor__())
attempt("nan", lambda: float("nan").__trunc__())
attempt("big", lambda: (10 ** 400).__float__())
attempt("ratio", lambda: ((6).as_integer_ratio(), (-255).bit_count(), True.bit_count(), I(5).as_integer_ratio()))
attempt("from_bytes", lambda: (int.from_bytes(b"\x01\x00", "big"), int.from_bytes([1, 2], byteorder="little"), I.from_bytes(b"\x05", "big"), type(I.from_bytes(b"\x05", "big")).__name__))
attempt("from_bytes signed", lambda: (5).from_bytes(b"\xff", "big", signed=True))
attempt("from_bytes none", lambda: int.from_bytes())
attempt("getformat", lambda: (float.__getformat__("double"), (1.0).__getformat__("float")))
attempt("getformat bad", lambda: float.__getformat__("x"))
attempt("getformat int", lambda: float.__getformat__(1))
attempt("none bool", lambda: (None.__bool__(), range(0).__bool__(), range(2).__bool__()))
