# Class keywords reach __init_subclass__ through type.__new__, and the metaclass sees them too.
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        print("Base.__init_subclass__", cls.__name__, tag, kw)
        super().__init_subclass__(**kw)


class A(Base, tag="a"):
    pass


class Meta(type):
    def __new__(mcs, name, bases, ns, **kw):
        print("Meta.__new__ kw:", kw)
        return super().__new__(mcs, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__ kw:", kw)
        super().__init__(name, bases, ns)


class B(Base, metaclass=Meta, tag="b"):
    pass


try:
    class C(Base, tag="c", other=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(metaclass=Meta, nope=1):
        pass
except TypeError as e:
    print("TypeError:", e)
