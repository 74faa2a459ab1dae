# reprs of self-referencing containers
L = [1, 2]
L.append(L)
print(L, repr(L), str(L))
d = {"a": 1}
d["self"] = d
print(d)
outer = [[]]
outer[0].append(outer)
print(outer)
mixed = {"list": []}
mixed["list"].append(mixed)
print(mixed)
t = ([],)
t[0].append(t)
print(t)
print(L == L, len(L), L[2][2][2] is L)
