import functools, gc, sys, weakref
def f(a, b, c=0):
    return (a, b, c)
p = functools.partial(f, 1, c=3)
print("call", p(2), p(2, c=9), p.args, p.keywords, p.func is f)
q = functools.partial(p, 5)
print("flattened", q(), q.args, q.keywords, q.func is f)
print("repr", repr(functools.partial(max, 1, key=abs)))
class Item:
    pass
x = Item()
before = sys.getrefcount(x)
holder = functools.partial(f, x)
print("partial holds arg", sys.getrefcount(x) - before)
r = weakref.ref(holder)
print("weakref alive", r() is holder)
del holder
print("weakref dead", r() is None, sys.getrefcount(x) - before)
gc.collect()
box = []
loop = functools.partial(f, box)
box.append(loop)
print("tracked", gc.is_tracked(loop))
del loop, box
print("cycle collected", gc.collect())
for args in [(), (1,)]:
    try:
        functools.partial(*args)
    except TypeError as e:
        print("TypeError", e)
