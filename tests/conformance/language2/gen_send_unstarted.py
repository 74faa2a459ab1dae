# sending a non-None value to a just-started generator is a TypeError
def g():
    x = yield 1
    print("got", x)
    yield 2

it = g()
try:
    it.send(42)
except TypeError as e:
    print("TypeError:", e)
print(it.send(None))
print(it.send("hello"))
