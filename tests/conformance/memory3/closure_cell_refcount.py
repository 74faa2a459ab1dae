import sys
def make():
    data = [1, 2, 3]
    def inner():
        return len(data)
    return inner, data
f, d = make()
print("refs to data", sys.getrefcount(d))
del f
print("after del closure", sys.getrefcount(d))
