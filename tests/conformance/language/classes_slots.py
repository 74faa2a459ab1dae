# __slots__
class Slotted:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x

s = Slotted(1)
print(s.x, hasattr(s, "y"), hasattr(s, "__dict__"))
s.y = 2
print(s.y)
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    Slotted(0).y
except AttributeError as e:
    print("AttributeError:", e)
del s.x
print(hasattr(s, "x"))
