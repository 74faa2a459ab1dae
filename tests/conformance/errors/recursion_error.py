# unbounded recursion hits the recursion limit
import sys

def down(n):
    return down(n + 1)

print(sys.getrecursionlimit())
down(0)
