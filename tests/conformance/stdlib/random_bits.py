# getrandbits across word boundaries, randrange over huge ranges, randbytes.
import random

random.seed(2024)
for k in [0, 1, 5, 31, 32, 33, 63, 64, 65, 100, 128, 200]:
    print(k, random.getrandbits(k))
print(random.randrange(2**100), random.randrange(-10**30, 10**30, 7))
print(random.randbytes(0), random.randbytes(9))
print([random.randint(-3, 3) for _ in range(20)])
print([random.randrange(10, 0, -3) for _ in range(10)])
try:
    random.getrandbits(-1)
except ValueError as e:
    print("ValueError", e)
try:
    random.getrandbits(2.5)
except TypeError as e:
    print("TypeError", e)
