print(min([], default="empty"), max([3, 1], key=lambda x: -x), min("bca"), max({"a": 2, "b": 1}))
print(min(3, 1, 2), max([1, 2], [1, 3]), sum([[1], [2]], []), sum(range(5), 10))
