# tuples: immutability, single element, comparison, count/index
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, (1,) * 3)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
single = (5,)
not_tuple = (5)
print(type(single).__name__, type(not_tuple).__name__)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
a, b = 1, 2
a, b = b, a
print(a, b)
print(tuple([1, 2]), tuple(), hash((1, 2)) == hash((1, 2)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
