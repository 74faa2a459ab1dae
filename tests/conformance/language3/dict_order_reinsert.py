d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 4
print(d, list(d))
d["b"] = 5
print(d)
d.pop("c")
d["c"] = 6
print(list(d.items()))
print(d.popitem(), d)
d.setdefault("z", 0); d.update(y=1)
print(d, dict.fromkeys("ab", 0), {**d, "a": 9})
