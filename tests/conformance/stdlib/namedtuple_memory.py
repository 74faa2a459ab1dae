import gc, sys
from collections import namedtuple
Pair = namedtuple("Pair", "left right")
gc.collect()
p = Pair(1, 2)
print("size", sys.getsizeof(p), sys.getsizeof((1, 2)))
print("tracked", gc.is_tracked(p), gc.is_tracked((1, 2)))
gc.collect()
print("still tracked after collect", gc.is_tracked(p))
item = [1]
q = Pair(item, item)
print("field refs", sys.getrefcount(item))
del q
print("after del", sys.getrefcount(item))
lst = []
r = Pair(lst, None)
lst.append(r)
del r, lst
print("cycle collected", gc.collect())
