# seed 000: sys.getrefcount includes the temporary argument reference
import sys

a = [1, 2, 3]
print(sys.getrefcount(a))  # Outputs reference count, including temporary reference
