import sys, gc
def show(f):
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
def inner():
    try:
        raise ValueError
    except ValueError:
        tb = sys.exc_info()[2]
        print(show(tb.tb_frame))
        del tb
def outer():
    inner()
outer()
def gen():
    try:
        raise KeyError
    except KeyError as e:
        yield show(e.__traceback__.tb_frame)
        yield e
g = gen()
print(next(g))
e = next(g)
print(show(e.__traceback__.tb_frame))
del g
print(show(e.__traceback__.tb_frame))
print(gc.collect())
