# sys.getsizeof of instances of subclasses of built-in types (the built-in's size plus dict and weakref slots).
import sys


class I(int):
    pass


class S(str):
    pass


class T(tuple):
    pass


class L(list):
    pass


class D(dict):
    pass


class F(float):
    pass


for v in (I(5), I(2**100), S("abc"), T((1, 2)), L([1, 2]), D(a=1), F(1.5)):
    print(type(v).__name__, sys.getsizeof(v))
