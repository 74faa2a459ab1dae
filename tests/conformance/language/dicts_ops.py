# dict operations keep insertion order
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "b" in d)
print(list(d), list(d.keys()), list(d.values()), list(d.items()))
d["b"] = 20
print(d)
del d["a"]
print(d, d.pop("c"), d.pop("zz", "default"), d)
d.update({"x": 1, "y": 2}, z=3)
print(d, d.setdefault("x", 9), d.setdefault("w", 9))
print(dict(a=1, b=2), dict([("k", "v")]), dict.fromkeys("ab", 0))
print({k: v for k, v in zip("abc", range(3))}, d.popitem(), d)
e = {1: "int", 1.0: "float?", True: "bool?"}
print(e)
print({"a": 1} == {"a": 1}, {"a": 1} | {"b": 2})
try:
    d["missing"]
except KeyError as err:
    print("KeyError", err)
