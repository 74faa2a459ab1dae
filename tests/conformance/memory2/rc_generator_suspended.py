# a suspended generator holds references in its frame
import sys
data = ["item"]
def gen(x):
    local = x
    yield 1
    yield 2
print("before:", sys.getrefcount(data))
g = gen(data)
print("created, not started:", sys.getrefcount(data))
next(g)
print("suspended:", sys.getrefcount(data))
next(g)
print("suspended again:", sys.getrefcount(data))
for _ in g:
    pass
print("exhausted:", sys.getrefcount(data))
