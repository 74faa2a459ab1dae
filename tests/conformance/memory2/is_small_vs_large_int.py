# small ints are cached, large runtime ints are not
a = 256
b = int("256")
print("256 is:", a is b)
c = 257
d = int("257")
print("257 is:", c is d, c == d)
e = 100 + 156
print("computed 256 is:", e is a)
x = -5
y = int("-5")
print("-5 is:", x is y)
p = int("-6")
q = int("-6")
print("-6 is:", p is q)
big1 = 10 ** 20
big2 = 10 ** 20
print("10**20 computed twice is:", big1 is big2, big1 == big2)
n = 1000
m = n
print("alias is:", n is m)
