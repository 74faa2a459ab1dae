# A common metaclass pattern: a registry of subclasses, filled by the metaclass's __init__.
class PluginMeta(type):
    registry = {}

    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        if bases:
            PluginMeta.registry[name.lower()] = cls

    def create(cls, key, *args):
        return cls.registry[key](*args)


class Plugin(metaclass=PluginMeta):
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return type(self).__name__ + "(" + repr(self.value) + ")"


class Upper(Plugin):
    def run(self):
        return self.value.upper()


class Reverse(Plugin):
    def run(self):
        return self.value[::-1]


print(sorted(PluginMeta.registry))
for key in ["upper", "reverse"]:
    p = Plugin.create(key, "hello")
    print(p, p.run())
print(type(Upper).__name__, isinstance(Upper, PluginMeta))
