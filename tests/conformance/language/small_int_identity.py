# small ints are shared objects; big ones made at runtime are not
a = 256
b = 256
print(a is b)
c = int("257")
d = int("257")
print(c == d, c is d)
e = int("-5")
f = -5
print(e is f)
g = int("-6")
h = int("-6")
print(g is h)
n = 100
m = 50 + 50
print(n is m)
