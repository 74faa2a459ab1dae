# sys.setrecursionlimit changes where RecursionError happens
import sys

def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n

sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
d1 = depth(0)
sys.setrecursionlimit(400)
d2 = depth(0)
print(d1 < d2, d2 - d1)

def count(n):
    return 0 if n == 0 else 1 + count(n - 1)

print(count(300))
count(1000)
