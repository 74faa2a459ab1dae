# lambda expressions
sq = lambda x: x * x
add = lambda a, b=10: a + b
print(sq(7), add(1), add(1, 2), (lambda: "no args")())
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: -p[0]))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x > 1, [0, 1, 2, 3])))
print(sq.__name__, (lambda *a, **k: (a, k))(1, x=2))
