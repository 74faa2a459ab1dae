# min/max with key and default, sum with start
nums = [4, -7, 2, 9, -1]
print(min(nums), max(nums), min(nums, key=abs), max(nums, key=abs))
print(min([], default="empty"), max([], default=None))
print(max("apple", "fig", "banana", key=len), min(3, 1, 2))
print(sum(nums), sum(nums, 100), sum([[1], [2]], []), sum([0.5, 0.25]))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1)
except TypeError as e:
    print("TypeError:", e)
print(max([(1, "b"), (1, "a"), (0, "z")]))
