# What CPython puts in a class's __dict__ besides the class body, and how those descriptors behave.
import weakref


class A:
    x = 1


class B(A):
    pass


class D:
    "a docstring"

    def __eq__(self, other):
        return True


class S:
    __slots__ = ("p", "q")


class SD:
    __slots__ = ("p", "__dict__")


class SW:
    __slots__ = ("__weakref__",)


class E(Exception):
    pass


class L(list):
    pass


class I(int):
    pass


for cls in (A, B, D, S, SD, SW, E, L, I):
    print(cls.__name__, list(cls.__dict__))

print(A.__dict__["__dict__"], A.__dict__["__weakref__"], S.p, S.q)
print(type(A.__dict__["__dict__"]).__name__, type(S.p).__name__)
print(S.p.__name__, S.p.__objclass__ is S, A.__dict__["__weakref__"].__objclass__ is A)
print(A.__doc__, D.__doc__, D.__hash__, A.__mro__ is A.__mro__, B.__bases__, B.__base__, A.__base__)

a = A()
print(a.__weakref__)
r = weakref.ref(a)
print(a.__weakref__ is r)
print(A.__dict__["__dict__"].__get__(a) == {}, A.__dict__["__dict__"].__get__(None, A) is A.__dict__["__dict__"])
try:
    a.__weakref__ = 1
except AttributeError as e:
    print("AttributeError:", e)

s = S()
s.p = 5
print(S.p.__get__(s), S.q.__get__(None, S))
try:
    S.q.__get__(s)
except AttributeError as e:
    print("AttributeError:", e)
try:
    S.p.__get__(1)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(s)
except TypeError as e:
    print("TypeError:", e)
print(weakref.ref(SW()) is not None)
