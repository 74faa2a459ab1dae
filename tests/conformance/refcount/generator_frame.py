# a suspended generator's frame holds its arguments and locals
import sys

def gen(seq):
    for item in seq:
        yield item

data = [10, 20]
print("start:", sys.getrefcount(data))
g = gen(data)
print("created:", sys.getrefcount(data))
print(next(g))
print("running:", sys.getrefcount(data))
print(list(g))
print("exhausted:", sys.getrefcount(data))
del g
print("deleted:", sys.getrefcount(data))
