# __str__ falls back to __repr__, but not the other way round
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "only-str"
print(str(OnlyRepr()), repr(OnlyRepr()), [OnlyRepr()])
print(str(OnlyStr()), f"{OnlyStr()}")
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at"))
class Fmt:
    def __format__(self, spec):
        return f"<{spec}>"
print(f"{Fmt():abc}", format(Fmt(), "x"), "{:yz}".format(Fmt()))
print(OnlyRepr.__name__, OnlyRepr.__qualname__, OnlyRepr.__module__)
