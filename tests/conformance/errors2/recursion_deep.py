# RecursionError: caught once, then uncaught through mutual recursion with a low limit
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught:", e)
sys.setrecursionlimit(30)
def a(n):
    return b(n + 1)
def b(n):
    return a(n + 1)
a(0)
