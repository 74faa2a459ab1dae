# Classes made by a metaclass are collected like plain ones; the metaclass is one of their referents.
import gc

gc.collect()


class M(type):
    def hello(cls):
        return cls.__name__


class A(metaclass=M):
    def f(self):
        pass


print("referent types:", [type(r).__name__ for r in gc.get_referents(A)])
print("first referent is M:", gc.get_referents(A)[0] is M)
print("is tracked:", gc.is_tracked(A))
del A
print("class with metaclass:", gc.collect())


class B(metaclass=M):
    pass


class C(B):
    pass


del B, C
print("two classes:", gc.collect())
del M
print("metaclass itself:", gc.collect())
