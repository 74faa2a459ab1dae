# repetition copies references, not objects
import sys

x = [9]
rows = [x] * 5
print(sys.getrefcount(x))
rows *= 2
print(sys.getrefcount(x), len(rows))
rows = rows[:3]
print(sys.getrefcount(x))
