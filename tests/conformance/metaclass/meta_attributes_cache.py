# Changing a metaclass's attributes is seen by its classes at once (no stale cached lookup).
class Meta(type):
    def kind(cls):
        return "first"


class A(metaclass=Meta):
    pass


for i in range(3):
    print("round", i, A.kind())
    if i == 0:
        Meta.kind = lambda cls: "second"
    elif i == 1:
        del Meta.kind
        print("has kind:", hasattr(A, "kind"))
        Meta.kind = lambda cls: "third"
Meta.extra = property(lambda cls: "extra of " + cls.__name__)
print(A.extra)


class B(A):
    pass


print(B.extra, B.kind())
A.kind = lambda: "class wins"
print(A.kind(), B.kind())
