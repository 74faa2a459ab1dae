import sys
def inner(n):
    local_value = n * 2
    raise KeyError(n)
def middle(n):
    return inner(n + 1)
def outer():
    try:
        middle(1)
    except KeyError as e:
        return e
e = outer()
tb = e.__traceback__
while tb is not None:
    f = tb.tb_frame
    print(tb.tb_lineno, f.f_code.co_name, f.f_lineno, type(tb).__name__, type(f).__name__)
    tb = tb.tb_next
f = e.__traceback__.tb_next.tb_next.tb_frame
print(sorted(f.f_locals.items()))
names = []
while f is not None:
    names.append(f.f_code.co_name)
    f = f.f_back
print(names)
print(e.__traceback__.tb_frame.f_globals is globals())
e2 = ValueError("v")
print(e2.__traceback__, e2.with_traceback(e.__traceback__) is e2, e2.__traceback__ is e.__traceback__)
try:
    e2.__traceback__ = 5
except TypeError as x:
    print(x)
e2.__traceback__ = None
print(e2.__traceback__)
try:
    raise e2
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v is e2, tb is e2.__traceback__, tb.tb_next)
