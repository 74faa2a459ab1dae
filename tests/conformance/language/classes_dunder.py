# operator overloading and container protocol
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.xs, o.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __contains__(self, v):
        return v in self.xs
    def __iter__(self):
        return iter(self.xs)
    def __bool__(self):
        return any(self.xs)
    def __lt__(self, o):
        return self.xs < o.xs
    def __repr__(self):
        return f"Vec{tuple(self.xs)}"
    def __call__(self, k):
        return self.xs[k] * 10

v = Vec(1, 2, 3)
w = Vec(4, 5, 6)
print(v + w, v * 2, 3 * v, len(v), v[1], 2 in v, list(v), v(2))
v[0] = 10
print(v, bool(Vec(0, 0)), bool(v), v < w, sorted([w, v]), max(v))
