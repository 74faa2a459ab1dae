# Calls of Python functions, methods and plain classes with positional arguments, and for-loops over lists
# and ranges: reference counts during the call, errors, tracebacks, frames, and class changes between calls.
import sys


def show_counts(a, b):
    # The arguments are held by this frame only (plus getrefcount's own argument).
    return sys.getrefcount(a), sys.getrefcount(b)


x, y = object(), object()
print("counts", show_counts(x, y), sys.getrefcount(x))


def caller_name():
    return sys._getframe().f_back.f_code.co_name


def outer():
    return caller_name()


print("f_back", outer())


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self, scale):
        return (abs(self.x) + abs(self.y)) * scale


p = Point(3, -4)
print("point", p.x, p.y, p.norm1(2), sys.getrefcount(p), sys.getrefcount(Point) > 1)
pts = [Point(i, i + 1) for i in range(5)]
print("sum", sum(q.norm1(1) for q in pts))


class Returns:
    def __init__(self, v):
        return v


try:
    Returns(5)
except TypeError as e:
    print("TypeError", e)
print("None ok", type(Returns(None)).__name__)


class Noisy:
    def __init__(self, fail):
        self.fail = fail
        if fail:
            raise ValueError("init failed")

    def __del__(self):
        print("del Noisy", self.fail)


try:
    Noisy(True)
except ValueError as e:
    print("caught", e)
n = Noisy(False)
del n


def boom(a):
    return 1 / a


class Calls:
    def __init__(self, a):
        self.v = boom(a)


try:
    Calls(0)
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("traceback", names)

# Changing the class between calls: a new __init__, then a __new__ of its own.
Point.__init__ = lambda self, x, y: setattr(self, "x", x * 10)
print("patched init", Point(1, 2).x)


def own_new(cls, x, y):
    print("own __new__", x, y)
    return object.__new__(cls)


Point.__new__ = own_new
print("with __new__", Point(7, 8).x)


# An argument that a closure captures moves into its cell.
def make_adder(n):
    def add(m):
        return n + m

    return add


print("closure", make_adder(4)(5))


# A property added to the class later takes precedence over the instance's value.
class Box:
    def __init__(self, v):
        self.v = v


b = Box(1)
print("before", b.v)
Box.v = property(lambda self: "property")
print("after", b.v)
del Box.v
print("again", b.v)


# Recursion through class calls ends with a RecursionError, not a crash.
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1)


try:
    Deep(0)
except RecursionError as e:
    print("RecursionError", e)


# Wrong argument counts still take the general path's errors.
def two(a, b):
    return a, b


try:
    two(1)
except TypeError as e:
    print("TypeError", e)
try:
    Box(1, 2)
except TypeError as e:
    print("TypeError", e)

# For-loops over lists (growing while iterated) and ranges.
items = [1, 2, 3]
seen = []
for v in items:
    seen.append(v)
    if v < 3:
        items.append(v + 10)
print("list", seen)
print("range", [i for i in range(10, 0, -3)], [i for i in range(2**62, 2**62 + 3)])
it = iter([7])
print("exhausted", list(it), list(it))
total = 0
for i in range(1000):
    total = total + i - 1
print("total", total, sys.getrefcount(total) - 1)
