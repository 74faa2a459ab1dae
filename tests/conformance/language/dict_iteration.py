# iterating dicts, views reflect changes, modifying during iteration fails
d = {"x": 1, "y": 2}
keys = d.keys()
vals = d.values()
d["z"] = 3
print(list(keys), list(vals), len(keys))
for k, v in d.items():
    print(k, v)
try:
    for k in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(d.items(), key=lambda kv: -kv[1]))
print({k: v for k, v in d.items() if v}, list(reversed(d)))
