# A metaclass __new__ sees the namespace and may add to it before type.__new__ builds the class.
class Meta(type):
    def __new__(mcs, name, bases, ns):
        print("Meta.__new__", mcs.__name__, name, bases, sorted(ns))
        ns["tag"] = name.lower()
        cls = super().__new__(mcs, name, bases, ns)
        print("made", cls.__name__, type(cls).__name__)
        return cls


class B(metaclass=Meta):
    x = 1

    def f(self):
        return self.x


print("tag:", B.tag, "x:", B.x, "f:", B().f())


class C(B):
    y = 2


print("C tag:", C.tag, "type:", type(C).__name__)
