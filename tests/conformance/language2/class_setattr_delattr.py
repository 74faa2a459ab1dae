# __setattr__ and __delattr__ hooks
class Logged:
    def __setattr__(self, name, value):
        print("set", name, value)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
o = Logged()
o.a = 1
o.a += 1
setattr(o, "b", [])
del o.a
print(vars(o))
try:
    del o.zzz
except AttributeError as e:
    print("AttributeError:", e)
