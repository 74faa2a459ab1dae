import weakref
class A:
    def m(self):
        return "m"
a = A()
r = weakref.ref(a.m)
print("bound method ref dead", r() is None)
wm = weakref.WeakMethod(a.m)
print(wm()())
del a
print(wm() is None)
