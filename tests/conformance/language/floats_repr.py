# float repr is the shortest round-tripping form
print(0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3)
print(1.0, 1e16, 1e15, 123456789.0, 1e-5, 0.0001, 1.5e-7)
print(-0.0, float("inf"), float("-inf"), float("nan"))
print(3.0 * 1.1, 100.0 / 3, 2.5 ** 2, 10 / 4, 7 // 2.0, 7 % 2.5, -7 % 2.5)
print(float("1.25"), float(" -3 "), float(7), 1e300 * 10)
print(repr(1.0), str(2.50), round(2.675, 2), round(3.14159, 3), round(0.5))
print(int(2.5e10), 1.5.is_integer(), (2.0).is_integer(), 5e-324, 1.7976931348623157e308)
print(0.1 + 0.7, 1.1 * 1.1, 4.35 * 100, 2 ** 0.5, 1e22, 1e21)
