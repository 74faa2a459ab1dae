# identity vs equality
a = [1, 2]
b = [1, 2]
c = a
print(a == b, a is b, a is c, a is not b)
x = None
print(x is None, x == None, type(None).__name__)
print(1 == 1.0, True == 1, (1, 2) == [1, 2])
s1 = "hello"
s2 = "hel" + "lo"
print(s1 == s2, s1 is s2)
t = ()
u = tuple()
print(t is u, [] is [], float("nan") == float("nan"))
