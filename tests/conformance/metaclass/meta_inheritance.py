# Metaclasses inherit: a metaclass's subclass keeps its hooks; classes inherit their metaclass.
class Base(type):
    def __new__(mcs, name, bases, ns):
        ns.setdefault("created_by", mcs.__name__)
        return super().__new__(mcs, name, bases, ns)

    def describe(cls):
        return cls.__name__ + "/" + cls.created_by


class Derived(Base):
    def __call__(cls, *a):
        print("Derived.__call__", cls.__name__, a)
        return super().__call__(*a)


class A(metaclass=Base):
    pass


class B(A, metaclass=Derived):
    def __init__(self, x):
        self.x = x


class C(B):
    pass


print(A.describe(), B.describe(), C.describe())
print(type(C).__name__, C(4).x)
print([t.__name__ for t in type(C).__mro__])
