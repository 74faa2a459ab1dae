# Metaclass __init__ runs after __new__ with the same arguments; type.__init__ accepts them.
class Meta(type):
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        super().__init__(name, bases, ns)
        cls.registered = True


class A(metaclass=Meta):
    def m(self):
        pass

    @classmethod
    def __init_subclass__(cls, **kw):
        print("A.__init_subclass__", cls.__name__, kw)


class B(A, flag=3):
    @classmethod
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class C(B, colour="red"):
    pass


print(A.registered, B.registered, C.registered)
