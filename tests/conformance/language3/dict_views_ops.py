d = {"a": 1, "b": 2}
k = d.keys()
d["c"] = 3
print(list(k), len(k), "a" in k, 2 in d.values(), ("b", 2) in d.items())
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}))
print(list(reversed(d)), list(reversed(d.values())))
