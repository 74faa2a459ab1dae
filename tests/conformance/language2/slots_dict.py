# __slots__ prevents a __dict__ and new attributes
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

p = P(1, 2)
print(p.x, p.y)
print(hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
q = P.__new__(P)
try:
    print(q.x)
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
r = Q(3, 4)
r.z = 5
print(r.z, vars(r))
