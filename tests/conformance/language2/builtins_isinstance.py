# isinstance with tuples, type names, hasattr/getattr
vals = [1, 1.0, "s", [1], (1,), {1: 1}, {1}, None, True, range(2), b"b"]
print([type(v).__name__ for v in vals])
print([isinstance(v, (int, float)) for v in vals])
print(isinstance(True, int), type(True) is int, issubclass(bool, int))
print(hasattr([], "append"), hasattr(1, "append"), getattr(1, "real"))
print(getattr([], "nope", "fallback"), callable(len), callable(1))
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(A, B), isinstance(A, type), type(A).__name__)
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
