# Integer, negative, huge, float, str, bytes and version-1 seeds all give python3's sequences.
import random

for s in [0, 1, 2, -1, 12345, 2**32 - 1, 2**32, 2**64 + 3, -(2**90), 10**40]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(32), random.randrange(10**20))
for s in [0.5, -2.25, 1e300, float("inf")]:
    random.seed(s)
    print(s, random.random())
for s in ["", "a", "memory", "λ", b"", b"\x00\xff", bytearray(b"xyz")]:
    random.seed(s)
    print(repr(s), random.random())
    if not isinstance(s, bytearray):
        random.seed(s, version=1)
        print(repr(s), "v1", random.random())
random.seed(None)
a = random.random()
random.seed()
print(0.0 <= a < 1.0, a != random.random())
