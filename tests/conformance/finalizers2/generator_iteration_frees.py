# items produced by a generator die as the loop advances
class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def produce(n):
    for i in range(n):
        yield T(i)
for item in produce(3):
    print("loop", item.n)
print("loop done")
del item
print("end")
