from collections import Counter
c = Counter("abracadabra")
print("counter", c)
print("most common", c.most_common(2), c.most_common()[-1], c["zzz"], c.total())
c.update("aaz")
c.update({"b": 10})
print("update", c)
c.subtract(a=100)
print("subtract", c)
del c["zzz"]
del c["a"]
print("elements", sorted(Counter(x=2, y=1).elements()))
print("empty", Counter(), Counter(a=0) == Counter(), Counter(a=1) == Counter(a=1, b=0))
a = Counter(a=3, b=1)
b = Counter(a=1, b=2, c=5)
print("add", a + b, "sub", a - b)
print("or", a | b, "and", a & b)
print("pos", +Counter(a=-1, b=2), "neg", -Counter(a=-1, b=2))
a += Counter(b=-5)
print("iadd", a)
print("compare", Counter(a=1) <= Counter(a=2), Counter(a=1) < Counter(a=1), Counter(a=3) >= Counter(a=1))
print("keys", sorted(Counter(["x", "y", "x"])), isinstance(c, dict))
try:
    Counter.fromkeys("ab")
except NotImplementedError as e:
    print("NotImplementedError", e)
