# Dict and set tables under churn: many inserts and deletes (dummy slots, index rebuilds, compaction), keys
# that collide on purpose, keys equal across types, user __eq__/__hash__, order after reinsertion.
class Key:
    calls = 0

    def __init__(self, v, h):
        self.v, self.h = v, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.v == other.v

    def __repr__(self):
        return "Key(%r)" % (self.v,)


d = {}
for i in range(3000):
    d[i % 701] = i
    if i % 3 == 0:
        d.pop((i * 7) % 701, None)
    if i % 11 == 0 and (i - 5) in d:
        del d[i - 5]
print(len(d), sum(d), sum(d.values()), list(d)[:10], list(d.items())[-5:])

# Collisions: ints that hash alike (mod 2**61 - 1), and -1/-2 (both hash to -2).
M = 2**61 - 1
c = {}
for k in [1, 1 + M, 1 + 2 * M, -1, -2, 2**64, 2**64 % M, 0, M, -M]:
    c[k] = hash(k)
print(c)
del c[1 + M]
c[1 + M] = "back"
print(list(c.items()), 1 + 2 * M in c, 1 + M in c, -1 in c, -2 in c)

# Equal keys across types keep the first key object.
e = {1: "int"}
e[1.0] = "float"
e[True] = "bool"
print(e, {0.5: 1, 0.5 * 1: 2}, {"a": 1, "a" + "": 2}, 2.0 in {2: 0}, True in {1: 0}, {1: 0}.get(1.0))
nan = float("nan")
n = {nan: 1}
print(nan in n, float("nan") in n, len({nan: 1, float("nan"): 2}))

# User keys: same hash, different values; equality calls happen only on hash matches.
u = {}
for i in range(40):
    u[Key(i, i % 4)] = i
print(len(u), u[Key(17, 1)], Key(17, 1) in u, Key(17, 2) in u, Key.calls > 0)
for i in range(0, 40, 2):
    del u[Key(i, i % 4)]
print(len(u), sorted(k.v for k in u), u.get(Key(3, 3)), u.get(Key(4, 0)))
Key.calls = 0
print(Key(1, 5) in u, Key.calls)

# Many deletions then reinsertions: order is insertion order of the live keys.
o = {}
for i in range(100):
    o[str(i)] = i
for i in range(0, 100, 3):
    del o[str(i)]
for i in range(0, 100, 9):
    o[str(i)] = -i
print(list(o)[:8], list(o)[-8:], len(o))
s = set()
for i in range(2000):
    s.add(i * 37 % 1009)
    if i % 4 == 0:
        s.discard(i % 1009)
print(len(s), sum(s), min(s), max(s))
big = {}
for i in range(20000):
    big[i] = i
for i in range(19990):
    del big[i]
print(big, len(big), 19995 in big, 5 in big)
t = {(1, 2): "a", (1, 2.0): "b", ("x", None): "c"}
print(t, t[(1.0, 2)], ("x", None) in t)
