# after freeing, the next same-size object reuses the freed block
class A:
    def __init__(self):
        self.x = 1
a = A()
first = id(a)
del a
b = A()
print("same type reuse:", id(b) == first)
x = float("1.5")
fid = id(x)
del x
y = float("2.5")
print("float reuse:", id(y) == fid)
t = tuple([1, 2, 3])
tid = id(t)
del t
u = tuple([4, 5, 6])
print("tuple reuse:", id(u) == tid)
