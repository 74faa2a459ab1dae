class T:
    def __repr__(self):
        return "T"
    def __del__(self):
        print("del", self)
def gen(t):
    try:
        yield 1
    finally:
        print("finally")
g = gen(T())
print("created")
del g
print("unstarted deleted")
g = gen(T())
next(g)
del g
print("started deleted")
