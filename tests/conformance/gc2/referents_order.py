# gc.get_referents reports references in each type's traverse order; that order also decides the order in
# which a collection finds (and finalizes) garbage.
import gc

print("list :", gc.get_referents([1, 2, 3]))
print("tuple:", gc.get_referents((4, 5, 6)))
print("dict with int keys:", gc.get_referents({1: "a", 2: "b"}))
print("dict with str keys:", gc.get_referents({"x": 1, "y": 2}))


class A:
    pass


a = A()
a.x = 10
a.y = 20
print("instance (inline values):", [r for r in gc.get_referents(a) if r is not A], A in gc.get_referents(a))
print("class last:", gc.get_referents(a)[-1] is A)
vars(a)
print("instance (__dict__):", gc.get_referents(a)[0], gc.get_referents(a)[-1] is A)


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


gc.collect()
gc.disable()
box = [D("first"), D("second"), D("third")]
box.append(box)
del box
print("collected:", gc.collect())
