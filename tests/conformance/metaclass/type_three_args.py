# Three-argument type() and subclasses of type called with three arguments.
class M(type):
    def describe(cls):
        return cls.__name__ + " by " + type(cls).__name__


T = M("T", (), {"x": 5, "f": lambda self: self.x * 2})
print(T.describe(), T.x, T().f(), T.__module__, T.__qualname__)
U = type("U", (T,), {})
print("U:", U.describe(), type(U) is M)
V = type.__new__(M, "V", (), {})
print("V:", type(V).__name__, V.__name__)
W = type.__new__(type, "W", (T,), {})
print("W:", type(W).__name__)
print("type(1):", type(1), "type(T):", type(T))
print(type("Q", (), {"__qualname__": "Outer.Q"}).__qualname__)
