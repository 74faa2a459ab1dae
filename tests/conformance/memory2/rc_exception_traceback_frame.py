# a saved exception keeps the frame locals alive through its traceback
import sys
def fail():
    big = ["local list"]
    probe.append(big)
    raise RuntimeError("x")
probe = []
try:
    fail()
except RuntimeError as e:
    err = e
obj = probe[0]
print("with traceback:", sys.getrefcount(obj))
err.__traceback__ = None
print("traceback cleared:", sys.getrefcount(obj))
del err
print("after del:", sys.getrefcount(obj))
