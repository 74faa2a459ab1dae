# zip (strict), enumerate with start, reversed
print(list(zip([1, 2, 3], "ab")))
print(list(zip()))
print(list(enumerate("abc", start=1)), list(enumerate([], 5)))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), list(reversed("ab")))
try:
    list(zip([1, 2, 3], "ab", strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)
pairs = [(1, "x"), (2, "y")]
nums, chars = zip(*pairs)
print(nums, chars)
try:
    reversed({1: 2}.items()) and None
    reversed(x for x in [1])
except TypeError as e:
    print("TypeError:", e)
