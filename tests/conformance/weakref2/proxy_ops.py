# proxies forward operators and calls
import weakref
class Vec:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        return Vec(self.x + other)
    def __len__(self):
        return self.x
    def __call__(self, y):
        return self.x * y
    def __repr__(self):
        return f"Vec({self.x})"
v = Vec(3)
p = weakref.proxy(v)
print((p + 1).x, len(p), p(5), repr(p + 2))
print(type(p).__name__, p == v)
cp = weakref.proxy(v, lambda r: print("proxy callback"))
del v
print("dead")
