# WeakMethod keeps a weak reference to a bound method's instance
import weakref
class C:
    def hello(self):
        return "hello"
c = C()
plain = weakref.ref(c.hello)
print("plain ref to bound method:", plain())
wm = weakref.WeakMethod(c.hello)
print("WeakMethod:", wm()())
del c
print("after del:", wm())
