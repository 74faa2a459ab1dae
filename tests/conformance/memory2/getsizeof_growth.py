# list over-allocation seen through sys.getsizeof
import sys
lst = []
sizes = []
for i in range(20):
    sizes.append(sys.getsizeof(lst))
    lst.append(i)
print(sizes)
print("empty tuple vs 3:", sys.getsizeof(()), sys.getsizeof((1, 2, 3)))
print("ints:", sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2 ** 30), sys.getsizeof(2 ** 60))
print("strs:", sys.getsizeof(""), sys.getsizeof("a"), sys.getsizeof("é"), sys.getsizeof("€"))
print("dict:", sys.getsizeof({}), sys.getsizeof({1: 1}))
print("float:", sys.getsizeof(1.0), "set:", sys.getsizeof(set()))
