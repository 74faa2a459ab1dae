# sys.getsizeof of a generator: the generator struct with its frame embedded, one pointer per local, cell,
# free variable and stack slot (co_stacksize as CPython's compiler computes it); unchanged once exhausted.
import sys


def empty():
    yield


def locals3(a, b):
    c = a + b
    yield c


def calls(xs):
    for x in xs:
        yield len(str(max(x, 1)))


def methods(d):
    yield d.get("k", d.setdefault("k", [].copy()))


def handler(f):
    try:
        yield f()
    except (KeyError, ValueError) as e:
        yield repr(e)
    finally:
        print("finally")


def managed(m):
    with m as v:
        yield v


def delegate(*its):
    for it in its:
        yield from it


def cells(n):
    def inner():
        return n
    yield inner


def arg_cell(n):
    yield lambda: n


class Base:
    def items(self):
        yield 1


class Derived(Base):
    def items(self):
        yield from super().items()


for f in [empty, locals3, calls, methods, handler, managed, delegate, cells, arg_cell, Derived.items]:
    code = f.__code__
    print(f.__name__, code.co_stacksize, code.co_nlocals, sys.getsizeof(f(*[Derived()] * code.co_argcount)))
g = locals3(1, 2)
before = sys.getsizeof(g)
print("exhausted", list(g), sys.getsizeof(g) == before, g.__sizeof__() == before - 16)
