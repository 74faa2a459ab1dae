# a proxy forwards attribute access and fails once the referent is gone
import weakref

class Obj:
    def __init__(self):
        self.value = 41
    def inc(self):
        self.value += 1
        return self.value

o = Obj()
p = weakref.proxy(o)
print(p.value, p.inc(), o.value)
p.extra = "set through proxy"
print(o.extra)
print(type(p).__name__)
del o
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
