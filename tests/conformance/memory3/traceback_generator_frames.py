import sys, gc
def gen():
    yield 1
    raise RuntimeError("in gen")
def consume():
    g = gen()
    for v in g:
        pass
try:
    consume()
except RuntimeError as e:
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_back is not None)
        tb = tb.tb_next
    del tb
def g2():
    try:
        yield 1
    except ValueError as e:
        yield e
g = g2()
next(g)
err = g.throw(ValueError("t"))
print(type(err).__name__, err.__traceback__.tb_frame.f_code.co_name, err.__traceback__.tb_next)
del err, g
print(gc.collect())
def rec(n):
    if n == 0:
        raise IndexError("deep")
    rec(n - 1)
try:
    rec(10)
except IndexError as e:
    k = 0
    tb = e.__traceback__
    while tb:
        k += 1
        tb = tb.tb_next
    print(k)
class CM:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print(t.__name__, tb.tb_lineno, tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name)
        return True
def boom():
    raise OSError("b")
with CM():
    boom()
print(gc.collect())
