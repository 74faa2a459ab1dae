import sys
class S:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
s = S()
print(hasattr(s, "__dict__"))
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError", e)
print("refs", sys.getrefcount(s.a))
