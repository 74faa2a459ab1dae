# object.__reduce_ex__ and __reduce__: the copyreg-shaped results for protocols 0-2 and the types with
# their own __reduce__ (set, frozenset, range).
class A:
    def __init__(self):
        self.v = 1
class L(list): pass
class R:
    def __reduce__(self):
        return (R, ())
def show(label, f):
    try:
        r = f()
        print(label, tuple(getattr(x, "__name__", x) if callable(x) and not isinstance(x, type) else x
                           for x in r if type(x).__name__ not in ("list_iterator", "dict_itemiterator")),
              [type(x).__name__ for x in r])
    except Exception as e:
        print(label, type(e).__name__, e)
show("int 2", lambda: (5).__reduce_ex__(2))
show("int 1", lambda: (5).__reduce_ex__(1))
show("str", lambda: "s".__reduce_ex__(2))
show("tuple", lambda: (1, 2).__reduce_ex__(4))
show("list", lambda: [1].__reduce_ex__(2))
show("list 0", lambda: [1].__reduce_ex__(0))
show("dict", lambda: {1: 2}.__reduce_ex__(2))
show("subclass 1", lambda: L([1]).__reduce_ex__(1))
show("subclass 2", lambda: L([1]).__reduce_ex__(2))
a = A()
show("instance 2", lambda: a.__reduce_ex__(2))
show("instance 0", lambda: a.__reduce_ex__(0))
show("reduce", lambda: a.__reduce__())
show("object", lambda: object().__reduce_ex__(2))
show("none", lambda: None.__reduce_ex__(3))
show("set", lambda: {1}.__reduce_ex__(2))
show("frozenset", lambda: frozenset([2]).__reduce__())
show("range", lambda: range(3).__reduce_ex__(2))
show("own", lambda: R().__reduce_ex__(2))
show("function", lambda: (lambda: 0).__reduce_ex__(2))
show("no arg", lambda: object().__reduce_ex__())
show("str arg", lambda: object().__reduce_ex__("x"))
