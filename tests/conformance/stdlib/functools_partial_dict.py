import functools, gc
def f():
    pass
gc.collect()
loop = functools.partial(f)
loop.attr = loop
del loop
print("cycle through its dict collected", gc.collect())
