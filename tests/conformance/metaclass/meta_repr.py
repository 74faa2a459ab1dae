# A metaclass's __repr__, __str__ and other special methods act on its classes.
class Meta(type):
    def __repr__(cls):
        return "<Meta class " + cls.__name__ + ">"

    def __str__(cls):
        return "str of " + cls.__name__

    def __len__(cls):
        return len(cls.__name__)

    def __iter__(cls):
        return iter(cls.__name__)

    def __getitem__(cls, key):
        return cls.__name__ + "[" + repr(key) + "]"

    def __contains__(cls, x):
        return x in cls.__name__

    def __bool__(cls):
        return cls.__name__ != "Empty"

    def __or__(cls, other):
        return (cls.__name__, other.__name__)

    def __lt__(cls, other):
        return cls.__name__ < other.__name__


class Alpha(metaclass=Meta):
    pass


class Empty(metaclass=Meta):
    pass


print(repr(Alpha), str(Alpha), [Alpha])
print(f"{Alpha}", "%s" % Alpha, "%r" % (Alpha,))
print("len:", len(Alpha), "list:", list(Alpha))
print("getitem:", Alpha[1], Alpha["k"])
print("contains:", "ph" in Alpha, "z" in Alpha)
print("bool:", bool(Alpha), bool(Empty), "yes" if Empty else "no")
print("or:", Alpha | Empty)
print("sorted:", [c.__name__ for c in sorted([Empty, Alpha])])
print("type repr:", type.__repr__(Alpha))
