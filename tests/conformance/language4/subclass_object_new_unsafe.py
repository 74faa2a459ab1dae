# object.__new__ refuses a subclass of a built-in type whose own __new__ must make the value.
class I(int):
    pass


class L(list):
    pass


for cls in (I, L):
    try:
        print(type(object.__new__(cls)).__name__)
    except TypeError as e:
        print("TypeError:", e)
print(type(list.__new__(L)).__name__, int.__new__(I, 7))
