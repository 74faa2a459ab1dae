# Seed 1: two objects that refer to each other outlive their last name until the collector runs.
import gc


class A:
    def __init__(self):
        self.b = B(self)


class B:
    def __init__(self, a):
        self.a = a


gc.disable()
my_var = A()
my_var = None
print(gc.collect())
