# map and filter are lazy iterators
def loud(x):
    print("map", x)
    return x * 2
m = map(loud, [1, 2, 3])
print("created", type(m).__name__)
print(next(m))
print(list(m))
print(list(m))
f = filter(lambda x: x % 2, range(7))
print(list(f))
print(list(filter(None, [0, 1, "", "a", [], [0], None])))
print(list(map(pow, [2, 3], [3, 2])))
print(list(map(str.upper, "abc")))
