print(1 == 1.0, 2**53 == 2**53 + 1.0, 0.1 * 3 == 0.3, hash(1) == hash(1.0))
print(max(1, 1.0), min(1.0, 1), sorted([2, 1.5, True, 0]), 10**20 > 1e19)
print(int(1e20), float(2**70), round(1234.5678, -2), round(-0.5))
