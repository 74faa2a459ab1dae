# Seed 4: sys.getrefcount shows one extra reference; del drops a name; a self-referencing list needs gc.
import gc
import sys

a = []
print(f'Get Reference for a is {sys.getrefcount(a)}')
b = a
print(f'Reference count of a is {sys.getrefcount(a)}')
b = []
print(f'Reference count of a is {sys.getrefcount(a)}')
del a
del b
x = []
x.append(x)
print(f'Reference Count of X is {sys.getrefcount(x)}')
del x
print(gc.collect())
