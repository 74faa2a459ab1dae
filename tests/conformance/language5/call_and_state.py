# __init__ and __call__ are slot wrappers; BaseException's __reduce__ and __setstate__ give and take the
# args and the instance attributes.
class C:
    def m(self, x):
        return x * 2
def f(x):
    return x + 1
def show(x):
    print(type(x).__name__, repr(x).split(" at 0x")[0])
for x in [object.__init__, C().__init__, f.__call__, len.__call__, C().m.__call__, [].append.__call__, C().__init__.__call__]:
    show(x)
print(f.__call__(3), len.__call__([1]), C().m.__call__(4), f.__call__.__call__(1), sorted.__call__([2, 1], reverse=True))
e = ValueError(1, 2); e.x = 5
print(e.__reduce__(), KeyError().__reduce__(), StopIteration(3).__reduce__())
e2 = ValueError(); print(e2.__setstate__({"y": 1}), e2.y, e2.__setstate__(None), e2.__reduce__())
def attempt(label, g):
    try:
        print(label, g())
    except Exception as ex:
        print(label, type(ex).__name__, ex)
attempt("state int", lambda: e2.__setstate__(1))
attempt("state none arg", lambda: e2.__setstate__())
attempt("init none", lambda: object.__init__())
attempt("call missing", lambda: f.__call__())
attempt("call kw", lambda: f.__call__(x=2))
attempt("reduce arg", lambda: e.__reduce__(1))
