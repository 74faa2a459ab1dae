# Shallow and deep copies: which objects are shared, refcounts, recursive structures, instances, slots, hooks.
import copy, sys, gc
a = [1, [2, 3], {"k": [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
print(b == a, b is a, b[1] is a[1], c[1] is a[1], c[2]["k"] is a[2]["k"], c == a)
print(sys.getrefcount(a[1]), sys.getrefcount(a))
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2])) == (1, [2]), copy.deepcopy((1, [2]))[1] is (1, [2])[1])
r = [1]; r.append(r)
rc = copy.deepcopy(r)
print(rc[1] is rc, rc is not r, rc)
class P:
    def __init__(self, x, items): self.x = x; self.items = items
p = P(1, [1, 2])
q = copy.copy(p); d = copy.deepcopy(p)
print(q.x, q.items is p.items, d.items is p.items, d.items == p.items, type(d).__name__, vars(d))
class S:
    __slots__ = ("a", "b")
s = S(); s.a = [1]
s2 = copy.copy(s); s3 = copy.deepcopy(s)
print(s2.a is s.a, s3.a == s.a, s3.a is s.a, hasattr(s2, "b"))
class H:
    def __copy__(self): return "custom copy"
    def __deepcopy__(self, memo): return "custom deep"
print(copy.copy(H()), copy.deepcopy(H()))
print(copy.copy(5), copy.deepcopy("s"), copy.copy(len) is len, copy.copy(P) is P)
x = {1: {2: 3}}
y = copy.deepcopy(x)
y[1][2] = 99
print(x, y)
gc.collect()
q2 = P(2, [])
q2.items.append(q2)
dd = copy.deepcopy(q2)
print(dd.items[0] is dd, gc.collect())
del q2, dd
print(gc.collect())
print(copy.copy({1, 2}), copy.deepcopy(frozenset([1])), copy.copy(bytearray(b"ab")))
class L(list): pass
l = L([1, [2]]); l.tag = "t"
lc = copy.copy(l); ld = copy.deepcopy(l)
print(type(lc).__name__, lc, lc.tag, ld[1] is l[1], ld == l)
