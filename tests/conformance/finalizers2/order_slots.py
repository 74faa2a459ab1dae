# order in which an instance releases its slots and its dict
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)
class S:
    __slots__ = ("a", "b", "c")
class D:
    pass
s = S()
s.c, s.a, s.b = T("c"), T("a"), T("b")
del s
print("--")
d = D()
d.z, d.y, d.x = T("z"), T("y"), T("x")
del d
print("end")
