import gc
gc.collect()
saved = []
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
        saved.append(self)
a = R(1); b = R(2)
a.o = b; b.o = a
del a, b
print("collect", gc.collect())
print("saved", sorted(x.n for x in saved))
saved.clear()
print("collect again", gc.collect())
