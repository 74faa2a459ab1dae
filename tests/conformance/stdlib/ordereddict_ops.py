from collections import OrderedDict
o = OrderedDict()
o["b"] = 1
o["a"] = 2
o["c"] = 3
print("od", o, list(o), list(o.keys()), list(o.values()))
o.move_to_end("b")
print("move b last", list(o))
o.move_to_end("c", last=False)
print("move c first", list(o))
print("popitem", o.popitem(), o.popitem(last=False), o)
print("empty", OrderedDict(), OrderedDict(x=1), OrderedDict([("k", "v")]))
p = OrderedDict.fromkeys("xyz", 0)
q = OrderedDict.fromkeys("zyx", 0)
print("eq od", p == q, "eq dict", p == dict(q), dict(q) == p, p != q)
print("copy", p.copy(), p.setdefault("w", 9), p.pop("x"), p)
print("reversed", list(reversed(p)), isinstance(p, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    p.move_to_end("nope")
except KeyError as e:
    print("KeyError", e)
