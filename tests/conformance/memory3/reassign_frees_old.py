class N:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
x = N(1)
x = N(2)
print("reassigned")
a = b = N(3)
a = None
print("a cleared")
b = None
print("end")
