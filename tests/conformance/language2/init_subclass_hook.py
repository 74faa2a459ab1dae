# __init_subclass__ registers subclasses
class Plugin:
    registry = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry.append(name or cls.__name__)
class A(Plugin):
    pass
class B(Plugin, name="bee"):
    pass
class C(B):
    pass
print(Plugin.registry)
print([k.__name__ for k in Plugin.__subclasses__()])
