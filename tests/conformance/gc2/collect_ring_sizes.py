# rings of different sizes are collected completely
import gc
class N:
    pass
gc.collect()
for size in (1, 2, 5, 10):
    nodes = [N() for _ in range(size)]
    for i, n in enumerate(nodes):
        n.next = nodes[(i + 1) % size]
    del nodes, n
    print(size, gc.collect())
