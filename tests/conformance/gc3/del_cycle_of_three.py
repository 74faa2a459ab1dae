import gc
gc.collect()
class N:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
a, b, c = N(1), N(2), N(3)
a.nxt = b; b.nxt = c; c.nxt = a
del a, b, c
print("collected", gc.collect())
