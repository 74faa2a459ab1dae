# dir() without an argument lists the calling frame: a function's locals, a class body, a comprehension.
def f(a, b=2):
    c = 3
    print(dir())
    def g(): return c
    print(dir())
f(1)
class K:
    x = 1
    print(dir())
print(dir()[:3])
print([dir() for q in [1]])
