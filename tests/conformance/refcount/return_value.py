# returning an object transfers the reference to the caller
import sys

def make():
    x = [1]
    return x

def make_and_keep(store):
    x = [2]
    store.append(x)
    return x

r = make()
print(sys.getrefcount(r))
keep = []
r2 = make_and_keep(keep)
print(sys.getrefcount(r2))
r3 = make_and_keep(keep)
print(sys.getrefcount(r3), len(keep))
