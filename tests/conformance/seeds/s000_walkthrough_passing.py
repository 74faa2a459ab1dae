# seed 000 walkthrough step 2: passing references
import sys

a = [1, 2, 3]
print(sys.getrefcount(a))
b = a
print(sys.getrefcount(a))  # Reference count should increase
print(id(b) == id(a))
