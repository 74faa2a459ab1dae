# hashes of ints, floats, tuples and bools are deterministic
print(hash(0), hash(1), hash(-1), hash(-2), hash(12345), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 100))
print(hash(1.0) == hash(1), hash(0.5), hash(True), hash(False), hash(-0.0))
print(hash((1, 2)), hash(()), hash((1, (2, 3))), hash((-1,)))
print(hash(1.5), hash(-1.5), hash(float("inf")), hash(10 ** 20))
print(hash((1, 2)) == hash((1, 2)), hash(-1) == hash(-2))
