import gc
gc.collect()
class A: pass
for n in (1, 2, 3):
    objs = [A() for _ in range(n)]
    for i in range(n):
        objs[i].nxt = objs[(i + 1) % n]
    del objs
    print(n, gc.collect())
