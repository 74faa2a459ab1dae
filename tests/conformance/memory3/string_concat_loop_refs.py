import sys
s = ""
for i in range(5):
    s += str(i)
print(s, sys.getrefcount(s))
parts = [s] * 3
print(sys.getrefcount(s))
