# a dying dict releases keys and values in insertion order
class F:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

d = {"one": F("v1"), "two": F("v2"), "three": F("v3")}
print("dropping dict")
del d
print("dict dropped")
d2 = {"a": F("x"), "b": F("y")}
d2.clear()
print("cleared")
