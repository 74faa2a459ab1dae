# seed 004: b = a
import sys

a = []
b = a
print(f'Reference count of a is {sys.getrefcount(a)}')
print(f'Reference count of b is {sys.getrefcount(b)}')
