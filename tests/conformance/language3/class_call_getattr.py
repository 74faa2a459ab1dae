class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
    def __getattr__(self, name):
        return "missing:" + name
a = Adder(3)
print(a(4), callable(a), callable(3), a.n, a.foo)
print(getattr(a, "bar"), getattr(a, "n"), hasattr(a, "anything"))
