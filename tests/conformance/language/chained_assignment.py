# chained assignment binds every target to the same object
a = b = c = []
a.append(1)
print(a, b, c, a is b is c)
x = y = 5
x += 1
print(x, y)
d = {}
d["k"] = e = [0]
e.append(1)
print(d)
i = L = None
L = [0, 0, 0]
i = L[i] = 1 if i is None else 2
print(i, L)
