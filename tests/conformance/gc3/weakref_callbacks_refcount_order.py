import weakref
class N:
    pass
order = []
objs = [N() for _ in range(4)]
refs = [weakref.ref(o, lambda r, i=i: order.append(i)) for i, o in enumerate(objs)]
del objs
print(order)
