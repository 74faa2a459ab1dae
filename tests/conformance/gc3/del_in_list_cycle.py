import gc
gc.collect()
class N:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
lst = [N(1), N(2), N(3)]
lst.append(lst)
del lst
print("before collect")
print(gc.collect())
