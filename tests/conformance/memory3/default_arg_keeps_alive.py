import sys
big = [0] * 10
def f(x=big):
    return x
print("refs", sys.getrefcount(big))
def g(a=big, b=big):
    return a
print("refs2", sys.getrefcount(big))
del f
print("after del f", sys.getrefcount(big))
print("defaults same", g.__defaults__[0] is big)
