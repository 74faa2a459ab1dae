# metaclass= may be any callable: it gets (name, bases, ns) and its result is bound to the name.
def meta(name, bases, ns, **kw):
    print("meta called:", name, bases, sorted(ns), kw)
    return type(name, bases, ns)


class A(metaclass=meta, extra=1):
    x = 1


print(type(A).__name__, A.x)


def returns_int(name, bases, ns):
    return 99


class B(metaclass=returns_int):
    pass


print("B is", B)


class Holder:
    def __call__(self, name, bases, ns):
        return name.upper()


class C(metaclass=Holder()):
    pass


print("C is", C)
