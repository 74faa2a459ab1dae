# Subclasses of str and bytes: str methods return plain str, the value is a str everywhere
# (dict keys, join, formatting, comparison), overrides win.
class S(str):
    def shout(self):
        return self.upper() + "!"


s = S("hello")
print(s, repr(s), str(s), type(s).__name__, isinstance(s, str), len(s), s[1], s[1:3], s[::-1])
print(s.shout(), type(s.upper()).__name__, type(s[0]).__name__, type(str(s)).__name__, type(s + "x").__name__)
print(s + " world", "say " + s, s * 2, 2 * s, "ell" in s, s.startswith("he"), s.split("l"), list(s))
print(s == "hello", "hello" == s, s < "help", sorted([S("b"), "a", S("c")]), s.find("l"), s.count("l"))
print(hash(s) == hash("hello"), {s: 1}["hello"], {"hello": 2}[s], "-".join([S("a"), S("b")]), S("x").join(["1", "2"]))
print(f"{s:>8}|{s:.2}|{s!r}", "%s|%r|%5s" % (s, s, S("ab")), format(s, "^9"), str.upper(s), s.__len__())
print(S(), repr(S()), S(42), S([1, 2]), S(b"ab", "ascii"), bool(S("")), int(S("12")), float(S("1.5")))
for ch in S("ab"):
    print(ch, type(ch).__name__)
s.note = "n"
print(s.note, s.__dict__, getattr(s, "upper")())


class R(str):
    def __repr__(self):
        return "R<" + self + ">"

    def __str__(self):
        return "str-of-R"


r = R("v")
print(repr(r), str(r), [r], f"{r}", "%s" % r, r + "w", print.__name__)


class Up(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())

    def __init__(self, v):
        self.orig = v


u = Up("abc")
print(u, u.orig, u == "ABC", len(u))


class Ci(str):
    def __eq__(self, other):
        return self.lower() == other.lower()

    def __hash__(self):
        return hash(self.lower())

    def __contains__(self, x):
        return x.lower() in self.lower()

    def __len__(self):
        return 99

    def __getitem__(self, i):
        return "item"


c = Ci("AbC")
print(c == "abc", "abc" == c, "B" in c, len(c), c[0], {c: 1}.get(Ci("ABC")), c.upper(), str(c), c + "!")


class B(bytes):
    def __repr__(self):
        return "B!"


b = B(b"xy")
print(b, repr(b), str(b), b + b"z", b[0], len(b), b.hex(), b == b"xy", type(b).__name__, b.decode(), bytes(b))
print(B([65, 66]), B(3), B(), list(B(b"ab")), hash(b) == hash(b"xy"), b"x" in b)
