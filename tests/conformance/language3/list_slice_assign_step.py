l = list(range(10))
l[::2] = ["x"] * 5
print(l)
l = list(range(10))
del l[::3]
print(l)
l[1:3] = []
print(l)
l[2:2] = [100, 200]
print(l)
try:
    l[::2] = [1]
except ValueError as e:
    print("ValueError", e)
print(l[::-1], l[-2:], l[:-2:2], l[100:])
