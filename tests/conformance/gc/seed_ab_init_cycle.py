# the seed's A/B classes: B created in A.__init__ and pointing back
import gc

class A:
    def __init__(self):
        self.b = B(self)

class B:
    def __init__(self, a):
        self.a = a

gc.collect()
for n in range(3):
    x = A()
del x
print("three pairs:", gc.collect())
