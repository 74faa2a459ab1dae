import functools
print("reduce", functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(max, [], 7))
try:
    functools.reduce(max, [])
except TypeError as e:
    print("TypeError", e)
def deco(fn):
    @functools.wraps(fn)
    def inner(*args):
        return fn(*args)
    return inner
@deco
def named(x):
    return x * 2
print("wraps", named.__name__, named.__qualname__, named.__wrapped__.__name__, named(4))
@functools.total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
print("total_ordering", Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2), Version(1) > Version(1))
class Data:
    @functools.cached_property
    def value(self):
        print("computing value")
        return 42
d = Data()
print("cached_property", d.value, d.value, d.__dict__)
del d.value
print("recomputed", d.value)
print("cmp_to_key", sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
try:
    functools.total_ordering(type("Plain", (), {}))
except ValueError as e:
    print("ValueError", e)
