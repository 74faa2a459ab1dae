# __new__ runs before __init__; returning another type skips __init__
class Singleton:
    _instance = None
    def __new__(cls, *args):
        print("__new__", args)
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance
    def __init__(self, value):
        print("__init__", value)
        self.value = value
a = Singleton(1)
b = Singleton(2)
print(a is b, a.value)
class Weird:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Weird())
