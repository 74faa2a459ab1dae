# objects in a suspended generator die when the generator dies
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
def gen():
    t = T("in-gen")
    yield 1
    yield 2
g = gen()
print(next(g))
print("dropping generator")
del g
print("dropped")
