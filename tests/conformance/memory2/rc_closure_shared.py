# two closures from one call share a single cell
import sys
def pair():
    value = ["shared"]
    def get():
        return value
    def put(v):
        nonlocal value
        value = v
    return get, put
get, put = pair()
obj = get()
print("obj:", sys.getrefcount(obj))
print("same cell:", get.__closure__[0] is put.__closure__[0])
put(["new"])
print("after replace:", sys.getrefcount(obj), get())
