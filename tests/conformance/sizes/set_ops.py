# Set operators and their in-place forms: |= merges into the set's own table, -= and difference_update
# discard in place and sweep the dummies away past a quarter of the table, ^= toggles, &= takes the
# intersection's table; the binary forms build their results the way setobject.c does.
import sys

a = set(range(20))
b = set(range(10, 40))
print(sys.getsizeof(a | b), sys.getsizeof(a & b), sys.getsizeof(a - b), sys.getsizeof(b - a), sys.getsizeof(a ^ b))
print(sorted(a | b) == sorted(set(range(40))), sorted(a ^ b))
small = {1, 2}
big = set(range(40))
print(sys.getsizeof(big - small), sys.getsizeof(small - big), sys.getsizeof(big ^ small))

c = set(range(20))
c -= {1, 2}
print("-= few", sys.getsizeof(c))
c = set(range(40))
c -= set(range(35))
print("-= most", sys.getsizeof(c), sorted(c))
c = set(range(40))
c.difference_update(range(35))
print("difference_update", sys.getsizeof(c))
c = set(range(40))
for i in range(35):
    c.discard(i)
print("discards only", sys.getsizeof(c))
c = {1, 2, 3}
c |= set(range(50))
print("|=", sys.getsizeof(c))
c ^= set(range(10))
print("^=", sys.getsizeof(c), len(c))
c &= {40, 41, 42}
print("&=", sys.getsizeof(c), sorted(c))
c -= c
print("-= itself", sys.getsizeof(c), c)
d = set(range(30))
d ^= d
print("^= itself", sys.getsizeof(d), d)
