# The __class__ cell and super() inside metaclass methods, and __classcell__ reaching type.__new__.
class Meta(type):
    def __new__(mcs, name, bases, ns):
        print("keys:", [k for k in ns if k.startswith("__")])
        return super().__new__(mcs, name, bases, ns)

    def who(cls):
        return __class__.__name__ + " serving " + cls.__name__


class Base(metaclass=Meta):
    def greet(self):
        return "base"


class Child(Base):
    def greet(self):
        return "child+" + super().greet()

    def cls(self):
        return __class__


print(Child().greet(), Child().cls() is Child, Child.who())


class Dropper(type):
    def __new__(mcs, name, bases, ns):
        ns = {k: v for k, v in ns.items() if k != "__classcell__"}
        return super().__new__(mcs, name, bases, ns)


try:
    class Lost(metaclass=Dropper):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError:", e)


class Swapper(type):
    def __new__(mcs, name, bases, ns):
        super().__new__(mcs, name, bases, dict(ns))
        return super().__new__(mcs, name + "2", bases, {k: v for k, v in ns.items() if k != "__classcell__"})


try:
    class Swapped(metaclass=Swapper):
        def f(self):
            return __class__
except TypeError as e:
    print("TypeError:", e)
