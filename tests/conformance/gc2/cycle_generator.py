# a generator whose frame references the generator itself
import gc
gc.collect()
def gen():
    me = yield
    yield me
g = gen()
next(g)
g.send(g)
del g
print("collected:", gc.collect())
