# floor division and modulo with negatives
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2)
print(divmod(-7.5, 2))
print(10 / 4, -10 / 4, 10 / 5, type(10 / 5).__name__)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, 0 ** 0)
print(pow(2, 100, 7), pow(3, -1, 7), pow(10, 3))
print(abs(-5), abs(-2.5), round(7 / 3, 3))
