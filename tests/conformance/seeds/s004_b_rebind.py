# seed 004: b rebound to a new list
import sys

a = []
b = a
b = []
print(f'Reference count of a is {sys.getrefcount(a)}')
print(f'Reference count of b is {sys.getrefcount(b)}')
