import weakref
class T:
    def __del__(self):
        print("del T")
def gen():
    t = T()
    yield 1
    print("finishing")
g = gen()
print(next(g))
print(list(g))
print("after exhaust")
print(g.gi_frame)
