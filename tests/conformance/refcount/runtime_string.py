# strings built at runtime are fresh, non-shared objects
# (s is printed only at the end: a buffered stdout may keep a reference to a printed str)
import sys

s = "".join(["ab", "cd", "ef"])
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
u = "abcdef"
print(s == u, s is u)
del t
print(sys.getrefcount(s))
print(len(s), s)
