# A metaclass __getattr__ answers for missing class attributes; instances are not affected.
class Meta(type):
    def __getattr__(cls, name):
        if name.startswith("dyn_"):
            return name[4:] + " of " + cls.__name__
        raise AttributeError(name)


class A(metaclass=Meta):
    real = 1


print(A.real, A.dyn_value, getattr(A, "dyn_x"))
print(hasattr(A, "other"), hasattr(A(), "dyn_value"))
try:
    A().dyn_value
except AttributeError as e:
    print("AttributeError:", e)
