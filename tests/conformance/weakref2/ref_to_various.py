# which objects accept weak references
import weakref
class C:
    pass
def f():
    pass
for label, obj in (("instance", C()), ("function", f), ("class", C), ("set", {1}), ("frozenset", frozenset())):
    try:
        r = weakref.ref(obj)
        print(label, "ok", r() is obj)
    except TypeError as e:
        print(label, "TypeError:", e)
for label, obj in (("list", []), ("dict", {}), ("int", 10 ** 20), ("str", "s"), ("tuple", (1,))):
    try:
        weakref.ref(obj)
    except TypeError as e:
        print(label, "TypeError:", e)
