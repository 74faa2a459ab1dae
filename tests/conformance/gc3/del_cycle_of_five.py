import gc
gc.collect()
class N:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
ns = [N(i) for i in range(5)]
for i in range(5):
    ns[i].nxt = ns[(i + 1) % 5]
del ns, i
print("collected", gc.collect())
