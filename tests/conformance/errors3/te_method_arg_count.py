class A:
    def m(self, x):
        pass
    def n(self):
        pass
for f in (lambda: A().m(), lambda: A().m(1, 2), lambda: A().n(1), lambda: A.m(1), lambda: A().m(y=1), lambda: A(1)):
    try:
        f()
    except TypeError as e:
        print(e)
