# Setting attributes on a class goes through the metaclass: property setters, __setattr__.
class Meta(type):
    @property
    def level(cls):
        return cls._level

    @level.setter
    def level(cls, v):
        print("setting level of", cls.__name__, "to", v)
        cls._level = v * 10

    @property
    def fixed(cls):
        return 1


class A(metaclass=Meta):
    _level = 0


A.level = 3
print("level:", A.level, A._level)
try:
    A.fixed = 2
except AttributeError as e:
    print("AttributeError:", e)


class Logged(type):
    def __setattr__(cls, name, value):
        print("Logged.__setattr__", cls.__name__, name, value)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        print("Logged.__delattr__", cls.__name__, name)
        super().__delattr__(name)


class B(metaclass=Logged):
    pass


B.x = 5
print("B.x:", B.x)
del B.x
print("has x:", hasattr(B, "x"))
