# CPython 3.11 allocates small ints, the empty tuple and one-character strings statically, with an initial
# count of about a billion (999999999); they are still counted, so a new name adds one reference.
import sys

for value in (0, 1, 256, -5, (), "", "abc"[1]):
    before = sys.getrefcount(value)
    alias = value
    after = sys.getrefcount(value)
    print(repr(value), before > 999_999_999, after - before)
    del alias

for value in (257, -6, 10**20, (1, 2), "not an identifier!"):
    print(repr(value), sys.getrefcount(value) < 1000)

x = 7
y = 3 + 4
print(x is y, sys.getrefcount(x) - sys.getrefcount(7))
