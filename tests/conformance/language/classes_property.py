# property, classmethod, staticmethod
class Temp:
    scale = "C"
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, value):
        if value < -273:
            raise ValueError("too cold")
        self._c = value
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def describe():
        return "temperature"

t = Temp(100)
print(t.c, t.f)
t.c = 0
print(t.c, t.f)
try:
    t.c = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.f = 1
except AttributeError as e:
    print("AttributeError:", e)
print(Temp.from_f(212).c, Temp.describe(), t.describe(), type(Temp.from_f(32)).__name__)
