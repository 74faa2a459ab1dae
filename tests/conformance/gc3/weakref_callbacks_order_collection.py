import gc, weakref
gc.collect()
class N:
    def __init__(self, n):
        self.n = n
order = []
nodes = [N(i) for i in range(4)]
for i in range(4):
    nodes[i].nxt = nodes[(i + 1) % 4]
refs = [weakref.ref(n, lambda r, i=i: order.append(i)) for i, n in enumerate(nodes)]
del nodes
gc.collect()
print(order)
