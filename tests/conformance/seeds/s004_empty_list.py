# seed 004: a fresh empty list
import sys

a = []
print(f'Get Reference for a is {sys.getrefcount(a)}')
