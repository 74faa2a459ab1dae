# super() inside classmethods and properties overridden in subclasses
class Base:
    @classmethod
    def make(cls):
        return f"Base.make for {cls.__name__}"
    @property
    def label(self):
        return "base"
class Sub(Base):
    @classmethod
    def make(cls):
        return "Sub -> " + super().make()
    @property
    def label(self):
        return "sub+" + super().label
print(Sub.make(), Base.make())
print(Sub().label, Base().label)
print(type(Base.__dict__["make"]).__name__, type(Base.__dict__["label"]).__name__)
