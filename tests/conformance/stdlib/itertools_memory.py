import gc, sys
from itertools import chain, cycle, repeat, tee
class Item:
    pass
x = Item()
r = repeat(x, 10)
print("repeat holds one", sys.getrefcount(x))
del r
print("released", sys.getrefcount(x))
c = cycle([x, x])
next(c)
print("cycle saved", sys.getrefcount(x))
del c
print("cycle gone", sys.getrefcount(x))
a, b = tee([x, x, x])
next(a)
next(a)
print("tee buffered", sys.getrefcount(x))
del a, b
print("tee gone", sys.getrefcount(x))
gc.collect()
ch = chain([x])
print("tracked", gc.is_tracked(ch), type(ch).__name__)
