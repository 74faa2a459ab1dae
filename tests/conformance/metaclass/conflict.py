# The metaclass is the most derived of metaclass= and the bases' types; unrelated ones conflict.
class M1(type):
    pass


class M2(type):
    pass


class M3(M1):
    pass


class A(metaclass=M1):
    pass


class B(metaclass=M2):
    pass


class C(metaclass=M3):
    pass


class D(A, C):
    pass


print("D:", type(D).__name__)


class E(A, metaclass=type):
    pass


print("E:", type(E).__name__)
try:
    class F(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class F2(C, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class G(A, metaclass=M2):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    type("H", (A, B), {})
except TypeError as e:
    print("TypeError:", e)
H = type("H", (C,), {})
print("H:", type(H).__name__)
