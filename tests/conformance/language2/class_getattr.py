# __getattr__ is called only for missing attributes
class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        print("computing", name)
        if name.startswith("_"):
            raise AttributeError(name)
        value = len(name)
        setattr(self, name, value)
        return value
o = Lazy()
print(o.real)
print(o.hello)
print(o.hello)
print(getattr(o, "_x", "default"))
print(hasattr(o, "_y"), hasattr(o, "abc"))
print(sorted(vars(o)))
