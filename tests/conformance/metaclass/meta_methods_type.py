# Methods of type itself as classes and metaclasses reach them.
class M(type):
    pass


class A(metaclass=M):
    pass


class B(A):
    pass


print("mro():", B.mro(), type(B.mro()).__name__)
print("subclasses:", A.__subclasses__())
print("M.mro(M):", M.mro(M))
print("type.mro(int):", type.mro(int))
print("__call__ via type:", type(type.__call__(A)).__name__)
print("M.__new__ is type.__new__-like:", M.__new__(M, "Z", (), {}).__name__)
print("A.__init__ is object's:", A.__init__.__name__, A.__dict__.get("__init__"))
print("prepare:", M.__prepare__("N", ()), A.__prepare__("N", ()))
print("callable:", callable(A), callable(M))
