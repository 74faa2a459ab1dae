class N:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
lst = [N(i) for i in range(4)]
print("deleting list")
del lst
lst = [N(i) for i in range(3)]
lst.reverse()
lst = None
print("end")
