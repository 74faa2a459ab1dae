# saving the exception outside the handler keeps it (and its args) alive
import sys

data = [1]
saved = None
try:
    raise ValueError(data)
except ValueError as err:
    saved = err
print(sys.getrefcount(data))
print(sys.getrefcount(saved))
saved = None
print(sys.getrefcount(data))
