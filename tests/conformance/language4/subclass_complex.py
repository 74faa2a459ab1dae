# A subclass of complex: constructed through complex.__new__, arithmetic gives plain complex.
class C(complex):
    def conj2(self):
        return self.conjugate() * 2


c = C(1, 2)
print(c, repr(c), type(c).__name__, c + 1, type(c + 1).__name__, c.real, c.imag, c.conj2(), abs(C(3, 4)), c == 1 + 2j)
