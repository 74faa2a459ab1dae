# slice assignment and list copies
import sys
a = ["a"]
b = ["b"]
lst = [a, a, a]
print("a in 3 slots:", sys.getrefcount(a))
lst[0:2] = [b]
print("a after replacing 2 slots:", sys.getrefcount(a), "b:", sys.getrefcount(b))
copy = lst[:]
print("after copy a:", sys.getrefcount(a), "b:", sys.getrefcount(b))
copy.reverse()
print("reverse changes nothing:", sys.getrefcount(a))
lst *= 3
print("lst *= 3:", sys.getrefcount(a))
