# methods count self in the message
class C:
    def m(self, x):
        return x
c = C()
try:
    c.m()
except TypeError as e:
    print(e)
try:
    C.m(1)
except TypeError as e:
    print(e)
c.m(1, 2)
