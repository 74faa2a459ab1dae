# Attribute lookup on a class: metaclass data descriptors first, then the class's mro, then the
# metaclass's other attributes.
class Meta(type):
    shared = "from meta"
    only_meta = "meta only"

    @property
    def prop(cls):
        return "meta property of " + cls.__name__

    def method(cls):
        return "meta method of " + cls.__name__

    @classmethod
    def cm(mcs):
        return "meta classmethod " + mcs.__name__

    @staticmethod
    def sm():
        return "meta staticmethod"


class A(metaclass=Meta):
    shared = "from class"
    prop = "class attribute named prop"

    def method(self):
        return "class method"


print("shared:", A.shared)
print("only_meta:", A.only_meta)
print("prop:", A.prop)
print("method:", A.method(A()))
print("cm:", A.cm())
print("sm:", A.sm())
print("instance shared:", A().shared, "instance prop:", A().prop)
print("instance only_meta:", hasattr(A(), "only_meta"))
del A.method
print("after del:", A.method())
try:
    A.missing
except AttributeError as e:
    print("AttributeError:", e)
