# generator finally blocks run on exhaustion, close() and garbage collection of the generator
def gen(name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name)

g = gen("exhausted")
print(list(g))
g = gen("closed")
print(next(g))
g.close()
print("closed:", next(g, "nothing"))
g = gen("dropped")
print(next(g))
g = None
print("after drop")

def catcher():
    try:
        yield "a"
    except GeneratorExit:
        print("GeneratorExit seen")
        raise

c = catcher()
next(c)
del c
print("end")
