# seed 000 walkthrough step 1 (the raw address is replaced by comparisons)
import sys

a = [1, 2, 3]
print(type(id(a)).__name__, id(a) == id(a), hex(id(a)) == hex(id(a)))
print(sys.getrefcount(a))  # Reference count, includes temporary reference
