# using a proxy after its referent died raises ReferenceError
import weakref
class Obj:
    def __init__(self):
        self.value = 10
    def double(self):
        return self.value * 2
o = Obj()
p = weakref.proxy(o)
print(p.value, p.double())
p.value = 21
print(o.value)
del o
try:
    p.value
except ReferenceError as e:
    print("ReferenceError:", e)
