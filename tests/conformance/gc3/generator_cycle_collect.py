import gc
gc.collect()
def gen():
    try:
        yield 1
    finally:
        print("gen finally")
g = gen()
next(g)
g.me = None if False else None
holder = [g]
holder.append(holder)
del g, holder
print("collect")
print(gc.collect() > 0)
