# type.__new__ calls __set_name__ on the namespace's values, before __init_subclass__.
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, owner=None):
        return self if obj is None else "value of " + self.name


class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)


class Model(Base):
    first = Field()
    second = Field()


print(Model().first, Model.second.name)


class Broken:
    def __set_name__(self, owner, name):
        raise ValueError("no " + name)


try:
    class Bad:
        attr = Broken()
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", type(e.__cause__).__name__, e.__cause__)
T = type("T", (), {"made": Field()})
print(T().made)
