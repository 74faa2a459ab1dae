# co_stacksize, the stack CPython 3.11's compiler computes for a function (it sizes generator frames): calls
# with their NULL slot, method calls, displays, f-strings, try/except/finally and with (their handlers' extra
# values), for loops, yield from, imports, classes, comprehensions, zero-argument super().
def a(): pass

def b(): x = 1

def c(): return g(1)

def d(): return g(1, 2, 3)

def e(): return o.m(1, 2)

def f(): return g(h(1, k(2)))

def t1():
    try:
        g()
    except E:
        pass

def t2():
    try:
        g()
    except E as e:
        pass

def t3():
    try:
        g()
    finally:
        h()

def w1():
    with g() as x:
        pass

def fo():
    for i in x:
        g(i)

def y1():
    yield 1

def y2():
    x = yield

def yf():
    yield from g()

def bo(): return a + b * c

def li(): return [a, b, c]

def di(): return {a: b, c: d}

def fs(): return f"{a} {b!r:>{c}}"

def cmpch(): return a < b < c

def sub(): a[b] = c

def unp(): a, b = c

def att(): a.b = c

def aug(): a += 1

def augs(): a[b] += 1

def lc(): return [x for x in y]

def kw(): return g(a, b=1)

def st(): return g(*a, **b)

def lam(): return lambda x: x

def cl():
    class A: pass

def imp():
    import os

def nested():
    def inner(): return x
    x = 1

def bo2(): return a and b or c

def ifx(): return a if b else c

def asr(): assert a, b

def ra(): raise E from F

def dl(): del a[b]

def sl(): return a[1:2]

def tup(): return (a, b)

def gx(): return (x for x in y)


class Child:
    def kind(self):
        return "dog, a kind of " + super().kind()


for f in [a, b, c, d, e, f, t1, t2, t3, w1, fo, y1, y2, yf, bo, li, di, fs, cmpch, sub, unp, att, aug, augs, lc, kw, st,
          lam, cl, imp, nested, bo2, ifx, asr, ra, dl, sl, tup, gx, Child.kind]:
    print(f.__name__, f.__code__.co_stacksize)
