a = [1]
b = [1]
print(a == b, a is b)
t1 = (1, 2)
t2 = tuple([1, 2])
print(t1 == t2, t1 is t2)
print(None is None, [] is [])
