class N:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
d = {"a": N(1), "b": N(2), "c": N(3)}
del d["b"]
print("popped b")
d = None
print("end")
