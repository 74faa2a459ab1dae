# Subclasses of list, dict and set against CPython: which built-in operations use an overridden
# __getitem__/__len__/__iter__, __missing__, super() calls into the built-in's methods, __init__.
class D(dict):
    def __missing__(self, k):
        return k * 2


d = D(a=1)
print(d["a"], d[3], d.get(3), 3 in d, len(d), d, type(d).__name__, dict(d), d == {"a": 1})


class Counter(dict):
    def __missing__(self, k):
        return 0

    def add(self, k):
        self[k] += 1


c = Counter()
for w in "abcab":
    c.add(w)
print(c, sorted(c.items()), c.copy(), type(c.copy()).__name__)


class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)

    def __getitem__(self, k):
        return super().__getitem__(k.upper())


u = Upper()
u["x"] = 1
u.update({"y": 2})  # dict.update does not call __setitem__
print(u, u["X"], u["x"], u.get("x"), dict(u), list(u), sorted(u.keys()))


class L(list):
    def __getitem__(self, i):
        return list.__getitem__(self, i) * 10

    def __len__(self):
        return 100


l = L([1, 2, 3])
print(l[0], list(l), [x for x in l], sum(l), len(l), bool(L()), l, sorted(l), max(l), 2 in l, tuple(l))
a, b, c3 = l
print(a, b, c3, l == [1, 2, 3], l + [4], type(l + [4]).__name__, l * 2, str(l), repr(l), list(reversed(l)))


class Q(list):
    def __init__(self, *a):
        super().__init__(a)

    def __iter__(self):
        return iter([9, 9])


q = Q(1, 2, 3)
print(q, list(q), len(q), q[1], sum(q), [*q], sorted(q), q == [1, 2, 3], ", ".join(map(str, q)))


class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        return self[-1]

    def __repr__(self):
        return "Stack(" + super().__repr__() + ")"


s = Stack()
s.push(1).push(2)
s += [3]
s.extend([4])
s[0] = 0
del s[1]
print(s, s.peek(), len(s), s.pop(), s, type(s).__name__, s.count(3), s.index(3), isinstance(s, list))
s.sort(reverse=True)
print(s, s[:2], type(s[:2]).__name__, s.copy(), type(s.copy()).__name__, s.name if hasattr(s, "name") else "-")
s.name = "st"
print(s.name, s.__dict__)


class Init(list):
    def __init__(self, n):
        super().__init__(range(n))
        self.n = n


i = Init(3)
print(i, i.n, len(i))
i.__init__(2)
print(i, i.n)


class S(set):
    def __contains__(self, x):
        return True

    def __len__(self):
        return -0 + 7


st = S([1, 2])
print(5 in st, len(st), sorted(st), st | {3}, st & {1}, st == {1, 2}, st.union({4}), S(), S("ab") >= {"a"})


class OrderedSet(set):
    def __init__(self, it=()):
        super().__init__()
        for x in it:
            self.add(x)


o = OrderedSet([3, 1, 3])
print(sorted(o), len(o), type(o).__name__)
try:
    hash(o)
except TypeError as e:
    print("TypeError:", e)
try:
    {L(): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    Q(1)[5]
except IndexError as e:
    print("IndexError:", e)
try:
    D()["k"] = 1
    D(1, 2)
except TypeError as e:
    print("TypeError:", e)
