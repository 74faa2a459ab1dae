# a locals() dict holds references to the values
import sys
def f():
    obj = ["x"]
    before = sys.getrefcount(obj)
    snap = locals()
    after = sys.getrefcount(obj)
    return before, after, sorted(snap)
print(f())
