# slicing with steps and negative indexes
s = "abcdefghij"
print(s[::2], s[1::2], s[::-1], s[::-3])
print(s[-3:], s[:-3], s[2:-2:3], s[8:2:-2])
print(repr(s[5:2]), repr(s[100:]), s[-100:3])
print(s[len(s) - 1], s[-len(s)])
try:
    s[10]
except IndexError as e:
    print("IndexError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
lst = list(range(10))
print(lst[::3], lst[-1:-5:-1])
lst[::2] = "abcde"
print(lst)
