# __sizeof__ of an instance of a built-in value type's subclass measures the instance (its struct, the added
# __weakref__ slot), not only its built-in value; sys.getsizeof adds the gc head and the managed-dict pre-header.
import sys


class FL(float): pass
class I(int): pass
class S(str): pass
class T(tuple): pass
class L(list): pass
class D(dict): pass
class C(complex): pass
class FS(frozenset): pass


for x in [FL(1), I(1), S("ab"), T((1,)), L([1]), D(a=1), C(1), FS({1})]:
    print(type(x).__name__, x.__sizeof__(), sys.getsizeof(x), type(x).__sizeof__(x), type(x).__mro__[1].__sizeof__(x))
