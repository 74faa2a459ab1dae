# __instancecheck__ and __subclasscheck__ on a metaclass drive isinstance and issubclass.
class Duck(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, type(obj).__name__)
        return hasattr(obj, "quack")

    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return hasattr(sub, "quack")


class Quacker(metaclass=Duck):
    pass


class Mallard:
    def quack(self):
        pass


class Stone:
    pass


print(isinstance(Mallard(), Quacker), isinstance(Stone(), Quacker))
print(isinstance(Quacker(), Quacker))
print(issubclass(Mallard, Quacker), issubclass(Stone, Quacker))
print(isinstance(Mallard(), (int, Quacker)))
print(issubclass(Stone, (Quacker, object)))
print("type.__instancecheck__:", type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool))
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
