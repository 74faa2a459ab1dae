# a class with __slots__ needs "__weakref__" to be weakly referenceable
import weakref

class Tight:
    __slots__ = ("x",)

class Loose:
    __slots__ = ("x", "__weakref__")

try:
    weakref.ref(Tight())
except TypeError as e:
    print(e)
l = Loose()
r = weakref.ref(l)
print(r() is l)
del l
print(r())
