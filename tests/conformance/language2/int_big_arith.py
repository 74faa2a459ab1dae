# big integers
a = 2 ** 200
b = 3 ** 120
print(a)
print(b)
print(a * b)
print(a // b, a % b)
print(-a // 7, -a % 7)
print(len(str(2 ** 1000)))
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(f == int(str(f)), hex(a))
print(a > b, a - a, -(a - 1) + a)
print(divmod(10 ** 30 + 7, 10 ** 15))
