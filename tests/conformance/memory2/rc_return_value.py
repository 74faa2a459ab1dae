# returned objects: the callee's reference is transferred to the caller
import sys
def make():
    data = {"k": [1]}
    return data
d = make()
print("d:", sys.getrefcount(d))
inner = d["k"]
print("inner:", sys.getrefcount(inner))
def passthrough(o):
    return o
e = passthrough(d)
print("d after passthrough:", sys.getrefcount(d))
del e
print("d after del e:", sys.getrefcount(d))
