# How a set was built decides its table: a display of constants is merged from a frozenset constant (one
# resize for all its items), other displays and comprehensions add one by one; set(s), copy() and union
# merge; intersection and difference add what they keep. Iteration follows the table's slots.
import sys

x = 10
print({10, 20, 30, 40, 50}, {x, 20, 30, 40, 50}, set({10, 20, 30, 40, 50}))
print(sys.getsizeof({1, 2, 3}), sys.getsizeof({1, 2, 3, 4, 5}), sys.getsizeof({x, 2, 3, 4, 5}),
      sys.getsizeof({1, 2, 3, 4, 5, 6, 7, 8, 9, 10}), sys.getsizeof({*range(5)}))
a = {1, 2, 3}
b = set(range(10))
print(sys.getsizeof(a | b), sys.getsizeof(a & b), sys.getsizeof(b - a), sys.getsizeof(a ^ b))
print(sys.getsizeof(b.union(a)), sys.getsizeof(b.intersection(range(5))), sys.getsizeof(b.copy()))
for n in (4, 5, 12, 13, 40):
    s = set(range(n))
    print(n, sys.getsizeof(s), sys.getsizeof(set(s)), sys.getsizeof(frozenset(s)), sys.getsizeof(s | {-1}),
          sys.getsizeof({i for i in s}), sorted(s) == list(set(s)))
print(list({64, 1, 128, 2, 256}), list(set([64, 1, 128, 2, 256])), list({-1, -2, 7, 15, 8}))
