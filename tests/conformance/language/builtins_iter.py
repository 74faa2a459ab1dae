# sorted, reversed, min, max, sum, any, all, enumerate, zip, map, filter
data = [4, 1, 3, 9, 2]
print(sorted(data), sorted(data, reverse=True), list(reversed(data)), data)
print(min(data), max(data), min([], default="empty"), max("abc"), min(3, 1, 2))
print(sum(data), sum(data, 10), sum([0.5, 0.25]), any([0, 0, 1]), all([1, 1, 0]), any([]), all([]))
print(list(enumerate("ab", start=1)), list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(str, data)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "x", None, []])), list(filter(lambda v: v > 2, data)))
print(max(["aa", "b", "ccc"], key=len), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))
print(list(reversed(range(4))), sorted("bca"), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(abs(-3), divmod(9, 4), round(2.567, 1), len(range(10)), list(range(3)) * 2)
