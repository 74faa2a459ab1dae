class D:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class C:
    d = D()
c = C()
print(c.d)
c.__dict__["d"] = "from instance"
print(c.d)
del c.d
print(c.d)
