# A metaclass needs no __dict__/__weakref__ descriptors of its own; nonempty __slots__ are refused.
import weakref


class M(type):
    pass


print(sorted(M.__dict__))


class A(metaclass=M):
    pass


r = weakref.ref(A)
print("weakref to class:", r() is A, "A.__dict__ keys:", sorted(A.__dict__))
try:
    class S(type):
        __slots__ = ("x",)
except TypeError as e:
    print("TypeError:", e)


class Empty(type):
    __slots__ = ()


class B(metaclass=Empty):
    pass


print("empty slots:", type(B).__name__)
