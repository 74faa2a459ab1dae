# cooperative multiple inheritance follows the MRO
class Base:
    def who(self):
        return ["Base"]
class Left(Base):
    def who(self):
        return ["Left"] + super().who()
class Right(Base):
    def who(self):
        return ["Right"] + super().who()
class Child(Left, Right):
    def who(self):
        return ["Child"] + super().who()
print(Child().who())
print([c.__name__ for c in Child.__mro__])
print(issubclass(Child, Right), isinstance(Child(), Base))
