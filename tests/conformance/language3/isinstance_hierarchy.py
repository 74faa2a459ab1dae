class A: pass
class B(A): pass
class C: pass
class D(B, C): pass
d = D()
print(isinstance(d, A), isinstance(d, (C, int)), isinstance(d, int))
print(issubclass(D, A), issubclass(B, C), issubclass(bool, int))
print([k.__name__ for k in D.__mro__])
print(type(d) is D, type(d) is B, isinstance(True, int))
