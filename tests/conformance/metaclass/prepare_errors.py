# A __prepare__ that returns no mapping; a mapping that is not a dict reaches type.__new__.
class Bad(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return 42


try:
    class A(metaclass=Bad):
        pass
except TypeError as e:
    print("TypeError:", e)


def not_a_class(name, bases, ns):
    return 1


not_a_class.__prepare__ = lambda name, bases: 3.5
try:
    class B(metaclass=not_a_class):
        pass
except TypeError as e:
    print("TypeError:", e)


class Mapping:
    def __init__(self):
        self.d = {}

    def __getitem__(self, k):
        return self.d[k]

    def __setitem__(self, k, v):
        self.d[k] = v


class ToMapping(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Mapping()


try:
    class C(metaclass=ToMapping):
        x = 1
except TypeError as e:
    print("TypeError:", e)
