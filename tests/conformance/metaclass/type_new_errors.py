# The errors of type(), type.__new__ and type.__init__, worded as CPython words them.
class M(type):
    pass


tries = [
    lambda: type(),
    lambda: type(1, 2),
    lambda: type(1, (), {}),
    lambda: type("A", [], {}),
    lambda: type("A", (), []),
    lambda: type("A", (1,), {}),
    lambda: type.__new__(),
    lambda: type.__new__(1),
    lambda: type.__new__(int, "A", (), {}),
    lambda: type.__new__(type, "A"),
    lambda: M(),
    lambda: M("A"),
    lambda: type.__init__(M, "A", x=1),
    lambda: type.__init__(M, "A", ()),
    lambda: type("A", (), {"__qualname__": 5}),
    lambda: type("A", (), {"__classcell__": 5}),
    lambda: M("B", (bool,), {}),
]
for i, t in enumerate(tries):
    try:
        r = t()
        print(i, "ok", r)
    except TypeError as e:
        print(i, "TypeError:", e)
