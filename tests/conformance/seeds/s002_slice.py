# seed 002: a slice creates a new list
import sys

h1 = [1, 2, 3, 4, 5]
h2 = h1[0:3]
print(h1, h2)
print(h1 is h2)
print(sys.getrefcount(h1), sys.getrefcount(h2))
h2[0] = 99
print(h1, h2)
