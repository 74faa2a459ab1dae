# views are live; set operations on keys views
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d["d"] = 4
del d["a"]
print(len(k), list(k), list(v))
print(sorted(k & {"b", "x"}), sorted(k - {"b"}), sorted(k | {"z"}))
print("b" in k, 2 in v, ("b", 2) in it)
print(type(k).__name__, type(v).__name__, type(it).__name__)
try:
    for key in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
