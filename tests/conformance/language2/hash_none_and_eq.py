# __hash__ = None, default equality by identity, __ne__ derived from __eq__
class Plain:
    pass
p, q = Plain(), Plain()
print(p == p, p == q, p != q, hash(p) == hash(p))
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError:", e)
class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        print("eq called")
        return self.v == other.v
print(Eq(1) != Eq(1), Eq(1) != Eq(2))
print(Eq(1) in [Eq(0), Eq(1)])
