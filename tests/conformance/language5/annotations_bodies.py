# Annotated names in module and class bodies land in __annotations__ (also inside if/for); other targets
# evaluate their object; functions evaluate nothing; a class without annotations gets an empty dict.
import sys
x: int = 5
y: "str"
if True:
    z: list = []
class C:
    a: int
    b: str = "s"
    for i in range(2):
        c: dict = {}
    def f(self):
        local: int = 3
        other: undefined_name
        return local
print(__annotations__)
print(C.__annotations__, C.b, C().f())
class E:
    pass
e = E()
e.attr: int = 4
lst = [0]
lst[0]: str = "q"
print(e.attr, lst, __annotations__.keys())
def g(a: int, *args: str, b: "x" = 1, **kw: float) -> None: pass
print(g.__annotations__)
class Empty:
    pass
print(hasattr(Empty, "__annotations__"), "__annotations__" in Empty.__dict__)
try:
    class Bad:
        q: undefined_thing
except NameError as ex:
    print(ex)
