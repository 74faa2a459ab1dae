# type.__call__: __new__ returning another type's object skips __init__; __init__ must return None.
class Meta(type):
    pass


class Odd(metaclass=Meta):
    def __new__(cls, kind):
        if kind == "int":
            return 5
        return super().__new__(cls)

    def __init__(self, kind):
        print("init", kind)


print(Odd("int"), type(Odd("obj")).__name__)


class Returns(type):
    def __init__(cls, *a):
        return 1


try:
    class X(metaclass=Returns):
        pass
except TypeError as e:
    print("TypeError:", e)


class NotAClass(type):
    def __new__(mcs, name, bases, ns):
        return "just a string"

    def __init__(cls, *a):
        print("never called")


class Y(metaclass=NotAClass):
    pass


print("Y is", repr(Y))
