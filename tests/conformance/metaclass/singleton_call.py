# Overriding type.__call__ in a metaclass: a singleton, and super().__call__ building the instance.
class Single(type):
    _inst = {}

    def __call__(cls, *a, **k):
        print("Single.__call__", cls.__name__, a, k)
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a, **k)
        return cls._inst[cls]


class S(metaclass=Single):
    def __init__(self, v=0):
        print("S.__init__", v)
        self.v = v


a = S(1)
b = S(2)
print("same:", a is b, "v:", a.v)


class T(S):
    pass


print("T distinct:", T(5) is not a, type(T).__name__)
