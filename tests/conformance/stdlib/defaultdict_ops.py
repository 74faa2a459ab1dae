from collections import defaultdict
d = defaultdict(list)
d["a"].append(1)
d["a"].append(2)
d["b"]
print("dd", d, len(d), d.default_factory)
print("get", d.get("zz"), "zz" in d, isinstance(d, dict), type(d).__name__)
counts = defaultdict(int)
for ch in "banana":
    counts[ch] += 1
print("counts", counts, dict(counts))
plain = defaultdict()
print("no factory", plain, plain.default_factory)
try:
    plain["missing"]
except KeyError as e:
    print("KeyError", e)
print("copy", d.copy(), type(d.copy()).__name__, d.copy() == d)
print("kwargs", defaultdict(str, {"x": 1}, y=2))
d.default_factory = set
d["c"].add(3)
print("factory changed", d)
print("missing", d.__missing__("m"), d["m"])
print("or", defaultdict(int, a=1) | {"b": 2})
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
