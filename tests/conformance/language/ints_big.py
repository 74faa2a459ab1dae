# arbitrary precision integers
x = 2 ** 100
print(x)
print(x * x)
print(-(3 ** 70))
print(x // 7, x % 7)
print(10 ** 30 // 10 ** 10 == 10 ** 20)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(len(str(2 ** 1000)), (2 ** 1000) % 1000007)
print(x.bit_length(), (x - 1).bit_length(), (255).bit_length())
print(int("9" * 40) + 1)
print(-(2 ** 64) // 3, -(2 ** 64) % 3)
print((1 << 70) >> 65, (1 << 70) & ((1 << 70) - 1), (1 << 70) | 1)
