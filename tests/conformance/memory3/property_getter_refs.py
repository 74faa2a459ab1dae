import sys
class P:
    def __init__(self):
        self._v = [1]
    @property
    def v(self):
        return self._v
p = P()
print("refs", sys.getrefcount(p._v))
x = p.v
print("refs after get", sys.getrefcount(p._v))
print(x is p.v)
