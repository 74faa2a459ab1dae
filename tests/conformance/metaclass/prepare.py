# __prepare__ chooses the namespace the body runs in; it receives the class keywords.
log = []


class Recording(dict):
    def __setitem__(self, key, value):
        log.append(key)
        super().__setitem__(key, value)


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases, **kw):
        print("prepare", mcs.__name__, name, bases, kw)
        return Recording(preset=kw.get("preset", 0))

    def __new__(mcs, name, bases, ns, **kw):
        print("ns type:", type(ns).__name__, "preset:", ns["preset"])
        return super().__new__(mcs, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, preset=7):
    x = 1
    y = x + preset

    def f(self):
        pass


print("log:", log)
print("A.y:", A.y, "A.preset:", A.preset)
print("type.__prepare__:", type.__prepare__("X", ()), type(type.__prepare__("X", (), a=1)).__name__)
