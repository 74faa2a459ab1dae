# any/all short-circuit, range behaviour
def check(x):
    print("check", x)
    return x > 2
print(any(check(x) for x in [1, 3, 5]))
print(all(check(x) for x in [3, 1, 5]))
print(any([]), all([]))
r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], 8 in r, 9 in r, r.index(11))
print(range(10)[2:8:2], list(range(5, 0, -2)), list(range(0)))
print(abs(-3), divmod(17, 5), chr(65), ord("A"), bool([]), bool([0]))
print(round(3.14159, 2), pow(2, 5), len(range(0, 100, 7)))
