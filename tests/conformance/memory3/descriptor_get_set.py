class D:
    def __get__(self, obj, objtype=None):
        print("get", obj is None, objtype.__name__)
        return 42
    def __set__(self, obj, value):
        print("set", value)
class C:
    d = D()
c = C()
print(c.d)
print(C.d)
c.d = 5
print(c.__dict__)
