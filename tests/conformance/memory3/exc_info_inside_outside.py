import sys
print(sys.exc_info())
try:
    raise TypeError("t")
except TypeError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno)
    del tb
print(sys.exc_info())
def f():
    return sys.exc_info()[0]
try:
    1/0
except ZeroDivisionError:
    print(f().__name__)
