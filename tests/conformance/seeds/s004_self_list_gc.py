# seed 004: a list containing itself is freed only by gc.collect()
import gc
import sys

gc.collect()
x = []
print(x)
x.append(x)
print(x)
print(f'Reference Count of X is {sys.getrefcount(x)}')
del x
print(gc.collect())
