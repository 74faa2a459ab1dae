# some built-in types cannot be weakly referenced
import weakref

for value in (5, 2.5, "text", (1, 2), [1], {"a": 1}, None, b"b"):
    try:
        weakref.ref(value)
        print(type(value).__name__, "ok")
    except TypeError as e:
        print(e)

def f():
    pass

print(weakref.ref(f)() is f)
print(weakref.ref(set())() is None)
