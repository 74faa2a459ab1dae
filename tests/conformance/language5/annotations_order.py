# Evaluation order of annotated assignments: the value first, then the annotation; a failing annotation
# in a class body leaves the value assigned.
log = []


def note(tag, value):
    log.append(tag)
    return value


a: note("ann-a", int) = note("val-a", 1)
b: note("ann-b", str)
print(log, __annotations__)
log.clear()


class C:
    x: note("ann-x", int) = note("val-x", 2)
    y: note("ann-y", int)

    def method(self):
        z: note("ann-z", int) = note("val-z", 3)
        return z


print(log, C.__annotations__, C().method(), log)


class D(C):
    pass


print(D.__annotations__, "__annotations__" in D.__dict__, D.__annotations__ is D.__annotations__)
D.__annotations__["extra"] = float
print(D.__annotations__, C.__annotations__)
try:
    print(int.__annotations__)
except AttributeError as e:
    print("AttributeError", e)
try:
    class E:
        ok: int = 1
        broken: undefined_name = 2
except NameError as e:
    print("NameError", e)
