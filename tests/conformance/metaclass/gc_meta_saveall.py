# What the collector finds when a metaclass and its class die together.
import gc

gc.collect()


class M(type):
    pass


class A(metaclass=M):
    pass


gc.set_debug(gc.DEBUG_SAVEALL)
del A, M
print("collected:", gc.collect())
kinds = []
for o in gc.garbage:
    if isinstance(o, type):
        kinds.append(("class", o.__name__, type(o).__name__))
    elif isinstance(o, dict):
        kinds.append(("dict", sorted(o)))
    else:
        kinds.append((type(o).__name__,))
for k in kinds:
    print(k)
gc.set_debug(0)
gc.garbage.clear()
