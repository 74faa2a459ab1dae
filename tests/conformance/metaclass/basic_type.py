# A class's type is its metaclass: type(A), A.__class__, isinstance(A, M), and methods of the metaclass
# bound to the class.
class M(type):
    def hello(cls):
        return "hello " + cls.__name__


class A(metaclass=M):
    pass


print("type(A):", type(A))
print("A.__class__:", A.__class__)
print("isinstance(A, M):", isinstance(A, M), "isinstance(A, type):", isinstance(A, type))
print("A.hello():", A.hello())
print("bound:", A.hello.__self__ is A, A.hello.__func__ is M.hello)
print("type(M):", type(M), "M.__mro__:", M.__mro__)
print("instance type:", type(A()).__name__, "instance has hello:", hasattr(A(), "hello"))
print("issubclass(M, type):", issubclass(M, type))
