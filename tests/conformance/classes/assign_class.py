# Assigning __class__: allowed between Python classes of the same layout; the class's reference count moves.
import sys
class A: pass
class B:
    def hi(self): return 'B'
class S:
    __slots__=('x',)
a = A(); a.v = 1
print(sys.getrefcount(A), sys.getrefcount(B))
a.__class__ = B; print(type(a).__name__, a.hi(), a.v, isinstance(a, B), isinstance(a, A))
print(sys.getrefcount(A), sys.getrefcount(B))
try: a.__class__ = S
except TypeError as e: print(e)
try: a.__class__ = int
except TypeError as e: print(e)
try: (1).__class__ = A
except TypeError as e: print(e)
try: a.__class__ = 5
except TypeError as e: print(e)
try: del a.__class__
except TypeError as e: print(e)
