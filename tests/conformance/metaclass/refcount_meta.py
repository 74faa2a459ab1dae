# A class holds a counted reference to its metaclass (a heap type's ob_type), given back when it dies.
import sys


class M(type):
    pass


print("start:", sys.getrefcount(M))


class A(metaclass=M):
    pass


print("one class:", sys.getrefcount(M))


class B(A):
    pass


C = M("C", (), {})
print("three classes:", sys.getrefcount(M))
del C
print("after del C:", sys.getrefcount(M))
a = A()
print("instance adds none:", sys.getrefcount(M))
print("A refs:", sys.getrefcount(A))
