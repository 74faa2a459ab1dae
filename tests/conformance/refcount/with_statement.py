# a with statement keeps the manager alive during the block
import sys

class CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False

cm = CM()
print(sys.getrefcount(cm))
with cm as inside:
    print(sys.getrefcount(cm), inside is cm)
print(sys.getrefcount(cm))
del inside
print(sys.getrefcount(cm))
