# seed 004: using a name after del raises NameError
import sys

a = []
b = []
del a
del b
print(f'Reference count of a is {sys.getrefcount(a)}')
print(f'Reference count of b is {sys.getrefcount(b)}')
