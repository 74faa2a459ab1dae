# Objects of a fixed C size: numbers, singletons, iterators, slices, cells, functions, methods, modules,
# descriptors, views, ranges and tuples.
import sys
import math


def outer(x):
    def inner():
        return x

    return inner


class A:
    def m(self):
        pass


print("ints", [sys.getsizeof(x) for x in (0, 1, -1, 2**30 - 1, 2**30, 2**60, 2**63, -2**63, 2**90, 10**100, -10**100)])
print("bools", sys.getsizeof(True), sys.getsizeof(False))
print("floats", sys.getsizeof(0.0), sys.getsizeof(1e300), sys.getsizeof(float("inf")))
print("complex", sys.getsizeof(1j), sys.getsizeof(3 + 4j))
print("singletons", sys.getsizeof(None), sys.getsizeof(...), sys.getsizeof(NotImplemented))
print("iterators", sys.getsizeof(iter([])), sys.getsizeof(iter((1,))), sys.getsizeof(iter("ab")),
      sys.getsizeof(iter(b"ab")), sys.getsizeof(iter(range(3))), sys.getsizeof(iter(range(2**70))),
      sys.getsizeof(iter({})), sys.getsizeof(iter({}.values())), sys.getsizeof(iter({}.items())),
      sys.getsizeof(reversed([1])), sys.getsizeof(reversed(range(4))), sys.getsizeof(enumerate([])),
      sys.getsizeof(zip([], [])), sys.getsizeof(map(len, [])), sys.getsizeof(filter(None, [])))
print("slices", sys.getsizeof(slice(1)), sys.getsizeof(slice(1, 2, 3)), sys.getsizeof(slice(None)))
f = outer(1)
print("function", sys.getsizeof(f), sys.getsizeof(outer), sys.getsizeof(lambda: 0))
print("cell", sys.getsizeof(f.__closure__[0]))
print("method", sys.getsizeof(A().m))
print("builtins", sys.getsizeof(len), sys.getsizeof([].append), sys.getsizeof(math.sqrt))
print("module", sys.getsizeof(math), sys.getsizeof(sys))
print("descriptors", sys.getsizeof(staticmethod(outer)), sys.getsizeof(classmethod(outer)), sys.getsizeof(property()))
d = {"a": 1}
print("views", sys.getsizeof(d.keys()), sys.getsizeof(d.values()), sys.getsizeof(d.items()))
print("ranges", sys.getsizeof(range(0)), sys.getsizeof(range(10**30)), sys.getsizeof(range(1, 10, 2)))
print("tuples", [sys.getsizeof(tuple(range(n))) for n in range(6)], sys.getsizeof((1, 2) + (3,)), sys.getsizeof((0,) * 10))
print("strs", [sys.getsizeof("a" * n) for n in range(4)], [sys.getsizeof("\xe9" * n) for n in range(1, 4)],
      [sys.getsizeof("\u20ac" * n) for n in range(1, 4)], [sys.getsizeof("\U0001f600" * n) for n in range(1, 4)],
      sys.getsizeof("a\xe9"), sys.getsizeof("a\u20ac"), sys.getsizeof("\xe9\U0001f600"), sys.getsizeof("abc" + "\u20ac"))
