# generator expressions as the sole argument, and with other arguments
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sum(x * x for x in nums))
print(max(x % 5 for x in nums))
print(sorted((x for x in nums if x > 2), reverse=True))
print("-".join(str(x) for x in nums[:4]))
print(any(x > 8 for x in nums), all(x > 0 for x in nums))
print(dict((x, x * 2) for x in range(3)))
g = (x for x in range(3))
print(type(g).__name__, list(g), list(g))
