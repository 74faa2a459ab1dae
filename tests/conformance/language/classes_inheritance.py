# inheritance, super(), method resolution order
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"

class Dog(Animal):
    sound = "woof"
    def __init__(self, name, trick):
        super().__init__(name)
        self.trick = trick
    def kind(self):
        return "dog, a kind of " + super().kind()

class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

p = Puppy("rex", "sit")
print(p.speak(), p.kind(), p.trick)
print([c.__name__ for c in Puppy.__mro__])
print(isinstance(p, Animal), issubclass(Puppy, Dog), issubclass(Animal, Dog))

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
