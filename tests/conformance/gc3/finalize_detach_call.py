import weakref
class A:
    pass
a = A()
f = weakref.finalize(a, lambda x: print("cb", x), 7)
print(f())
print(f.alive, f())
b = A()
g = weakref.finalize(b, print, "never")
print(g.detach()[1:])
del b
print("done")
