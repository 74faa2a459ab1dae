# seed 002: sys.getrefcount(278) at module level
import sys

print(sys.getrefcount(278))
