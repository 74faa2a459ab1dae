# a bound method is a temporary object; WeakMethod tracks the instance instead
import weakref

class Obj:
    def hello(self):
        return "hello"

o = Obj()
r = weakref.ref(o.hello)
print(r())
wm = weakref.WeakMethod(o.hello)
print(wm()())
del o
print(wm())
