# nesting: only the direct container references the inner object
import sys

inner = [1]
middle = [inner]
outer = [middle, middle]
print(sys.getrefcount(inner), sys.getrefcount(middle), sys.getrefcount(outer))
del middle
print(sys.getrefcount(inner), sys.getrefcount(outer[0]))
outer.pop()
print(sys.getrefcount(inner), sys.getrefcount(outer[0]))
outer.clear()
print(sys.getrefcount(inner))
