# range objects and slicing
r = range(2, 20, 3)
print(r, list(r), len(r), r[1], r[-1], 11 in r, 12 in r)
print(list(range(5)), list(range(5, 0, -1)), list(range(0)), list(range(10, 0, -3)))
print(list(r[1:3]), r.index(8))
s = "abcdefgh"
print(s[2:5], s[:3], s[5:], s[-3:], s[::3], s[::-2], s[10:], s[-100:2])
L = list(range(10))
print(L[slice(1, 8, 2)], L[7:2:-2])
L[::2] = [0] * 5
print(L)
