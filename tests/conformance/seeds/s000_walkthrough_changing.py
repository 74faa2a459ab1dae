# seed 000 walkthrough step 3: changing references
import sys

a = [1, 2, 3]
b = a
c = a
print(sys.getrefcount(a))  # Reference count should increase again

c = 10
print(sys.getrefcount(a))  # Reference count decreases

b = None
print(sys.getrefcount(a))  # Reference count decreases again
