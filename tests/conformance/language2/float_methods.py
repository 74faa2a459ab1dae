# float conversions and methods
x = 0.1
print(x.hex(), float.fromhex("0x1.8p1"), (0.5).as_integer_ratio(), (-0.0).is_integer())
print(float("-0.0"), -0.0 == 0.0, str(-0.0), 1.0 / 3 * 3)
print(int(2.999), int(-2.999), round(-0.5), round(0.5), round(1.5))
print(f"{1e21}", f"{1e-7}", repr(1e22), 1.0e+16, 12345678.9)
print(float(2 ** 53) == 2 ** 53 + 1, 2 ** 53 + 1.0, 9007199254740993)
print(3 * 0.1, 0.1 * 3, 1.1 + 2.2, 100 * 1.1)
print(max(0.1, 0.10000000000000001), 5e-324, 5e-324 / 2, 1.7976931348623157e308 * 2)
