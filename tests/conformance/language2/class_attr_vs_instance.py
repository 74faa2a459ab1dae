# class attributes are shared until an instance shadows them
class Dog:
    kind = "canine"
    tricks = []
    def __init__(self, name):
        self.name = name

a, b = Dog("Rex"), Dog("Fido")
a.tricks.append("roll")
print(b.tricks)
a.kind = "wolf"
print(a.kind, b.kind, Dog.kind)
del a.kind
print(a.kind)
print(sorted(vars(a)), "kind" in vars(Dog))
Dog.kind = "dog"
print(a.kind, b.kind)
