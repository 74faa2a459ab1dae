# __eq__ and __hash__
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        return isinstance(other, Key) and self.k == other.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k})"

class NoHash:
    def __eq__(self, other):
        return True

a, b = Key(1), Key(1)
print(a == b, a is b, a != b, hash(a) == hash(b))
d = {a: "first"}
d[b] = "second"
print(d, len({a, b, Key(2)}))
print(NoHash.__hash__ is None)
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
print(Key(1) == 1, Key(3) in [Key(1), Key(3)])
