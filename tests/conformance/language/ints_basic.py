# int arithmetic, floor division and modulo with negatives, power, bit ops
a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a // b, -a % b, a // -b, a % -b)
print(divmod(a, b), divmod(-a, b), pow(3, 4), pow(3, 4, 5))
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2, -a >> 1)
print(abs(-7), int("42"), int("-0x1f", 16), int(3.99), int(-3.99), int(" 12 "))
print(bin(10), oct(10), hex(255), hex(-255))
print(round(7.5), round(8.5), round(-2.5), round(1234, -2))
