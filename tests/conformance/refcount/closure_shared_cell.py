# two closures share one cell: still one reference to the value
import sys

def make():
    data = [0]
    def get():
        return data
    def put(v):
        data.append(v)
    return get, put

get, put = make()
d = get()
print(sys.getrefcount(d))
put(5)
print(d, sys.getrefcount(d))
del get
print(sys.getrefcount(d))
del put
print(sys.getrefcount(d))
