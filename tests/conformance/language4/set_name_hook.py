class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("refused")
class Record:
    first = Field()
    second = Field()
print("names", Record.first.name, Record.second.name)
Made = type("Made", (), {"third": Field()})
try:
    class Broken:
        b = Bad()
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
class Uncaught:
    b = Bad()
