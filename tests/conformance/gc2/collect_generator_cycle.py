# an unfinished generator in a cycle is collected and its finally runs
import gc
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")
class Holder:
    pass
gc.collect()
h = Holder()
h.g = gen()
next(h.g)
h.self = h
del h
print("collected:", gc.collect())
