# overriding, calling the parent explicitly, and class-level counters per subclass
class Animal:
    sound = "..."
    registry = []
    def __init__(self, name):
        self.name = name
        type(self).registry = type(self).registry + [name]
    def speak(self):
        return f"{self.name} says {self.sound}"
class Dog(Animal):
    sound = "woof"
class Puppy(Dog):
    def speak(self):
        return Animal.speak(self) + "!"
a, d, p = Animal("generic"), Dog("rex"), Puppy("bit")
for x in (a, d, p):
    print(x.speak())
print(Animal.registry, Dog.registry, Puppy.registry)
print(Puppy.__bases__[0].__name__, Puppy.sound)
