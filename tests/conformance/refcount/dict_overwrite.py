# overwriting a dict value releases the old value
import sys

old = [1]
new = [2]
d = {"k": old}
print(sys.getrefcount(old), sys.getrefcount(new))
d["k"] = new
print(sys.getrefcount(old), sys.getrefcount(new))
d.setdefault("k", old)
print(sys.getrefcount(old), sys.getrefcount(new))
d.setdefault("j", old)
print(sys.getrefcount(old), sys.getrefcount(new))
