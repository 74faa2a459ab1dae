# setattr/getattr/delattr adjust counts like plain attribute syntax
import sys

class Obj:
    pass

v = {"a": 1}
o = Obj()
setattr(o, "v", v)
print(sys.getrefcount(v))
w = getattr(o, "v")
print(sys.getrefcount(v), w is v)
delattr(o, "v")
print(sys.getrefcount(v))
print(hasattr(o, "v"))
