class C:
    @staticmethod
    def s():
        return "s"
    @classmethod
    def c(cls):
        return cls.__name__
print(C.s(), C().s(), C.c(), C().c())
print(C.s is C.s, C.c is C.c)
print(C.c.__self__ is C)
print(type(C.__dict__["s"]).__name__, type(C.__dict__["c"]).__name__)
