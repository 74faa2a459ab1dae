# super() through three levels of single inheritance
class A:
    def hello(self):
        return ["A"]
    def __init__(self):
        print("A.__init__")
class B(A):
    def hello(self):
        return ["B"] + super().hello()
    def __init__(self):
        print("B.__init__")
        super().__init__()
class C(B):
    def hello(self):
        return ["C"] + super().hello()
    def __init__(self):
        print("C.__init__")
        super().__init__()

c = C()
print(c.hello())
print([k.__name__ for k in C.__mro__])
