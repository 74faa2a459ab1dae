# mutating an object never changes its own count
import sys

L = [1, 2, 3]
alias = L
before = sys.getrefcount(L)
L.append(4)
L[0] = 100
L.extend([5, 6])
L.sort()
L.reverse()
del L[1]
after = sys.getrefcount(L)
print(before, after, L)
D = {}
before = sys.getrefcount(D)
D["a"] = 1
D.update(b=2)
D.pop("a")
print(before, sys.getrefcount(D), D)
