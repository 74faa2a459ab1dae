# int / int is correctly rounded (to even), keeps the sign of zero, raises OverflowError past the float range; +x is x.
vals = [10**20 / 3, 2**60 / 3, 1 / 9007199254740993, (2**53 + 1) / 2, 0 / -(2**53 + 1), (10**30 + 7) / (10**15 + 3), -(2**70) / 3, 2**1000 / 3**500, 7 / -2, -0 / 5, 1 / 3, 10**400 // 10**399 / 7]
for v in vals:
    print(repr(v))
try:
    print(10**400 / 3)
except OverflowError as e:
    print("OverflowError", e)
print(10**400 / 10**399, 1 / 10**400)
x = 500
print(+x is x, -(-x) is x)
