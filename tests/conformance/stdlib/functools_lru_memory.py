import functools, gc, sys
class Arg:
    pass
@functools.lru_cache(maxsize=2)
def ident(a):
    return [a]
x = Arg()
base = sys.getrefcount(x)
result = ident(x)
print("cached arg extra refs", sys.getrefcount(x) - base)
print("cached result refs", sys.getrefcount(result))
del result
y, z = Arg(), Arg()
ident(y)
ident(z)
print("evicted arg extra refs", sys.getrefcount(x) - base)
print("kept", sys.getrefcount(y), sys.getrefcount(z))
ident.cache_clear()
print("cleared", sys.getrefcount(y), sys.getrefcount(z))
@functools.cache
def keyed(a, b=0):
    return a
keyed(x, b=1)
print("keyword call extra refs", sys.getrefcount(x) - base)
gc.collect()
print("wrapper tracked", gc.is_tracked(ident))
