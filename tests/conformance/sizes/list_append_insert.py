# sys.getsizeof of a list as it grows by append and insert, then shrinks by pop: list_resize's
# overallocation (n + n//8 + 6, rounded down to a multiple of 4) and its shrink below half.
import sys

l = []
sizes = []
for i in range(70):
    sizes.append(sys.getsizeof(l))
    l.append(i)
print("append", sizes)

sizes = []
for i in range(70):
    sizes.append(sys.getsizeof(l))
    l.pop()
print("pop", sizes, sys.getsizeof(l))

l = []
sizes = []
for i in range(40):
    l.insert(0, i)
    sizes.append(sys.getsizeof(l))
print("insert front", sizes)

l = []
for i in range(40):
    l.insert(len(l) // 2, i)
print("insert middle", sys.getsizeof(l))

sizes = []
while l:
    l.pop(0)
    sizes.append(sys.getsizeof(l))
print("pop front", sizes)

l = list(range(50))
sizes = []
for i in range(50):
    l.remove(i)
    sizes.append(sys.getsizeof(l))
print("remove", sizes)
