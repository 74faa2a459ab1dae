from itertools import count, cycle, repeat, islice
c = count(5, 2)
print("count", next(c), next(c), repr(c), repr(count()), repr(count(1.5)), repr(count(0, 0.5)))
print("cycle", list(islice(cycle("ab"), 5)), list(cycle([])))
r = repeat("x", 3)
print("repeat", next(r), repr(r), r.__length_hint__(), list(r), repr(repeat(1)))
print("islice", list(islice(range(10), 3)), list(islice(range(10), 2, 8, 3)), list(islice("abc", None)))
it = iter(range(10))
print("islice consumes", list(islice(it, 2, 4)), next(it))
for args in [(-1,), (0, -1), (0, 2, 0), ("a",), (-2, 3)]:
    try:
        islice([1], *args)
    except ValueError as e:
        print("islice", args, e)
try:
    count("a")
except TypeError as e:
    print("count", e)
