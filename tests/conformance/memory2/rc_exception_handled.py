# the exception object is referenced while handled and released after
import sys
class Err(Exception):
    pass
saved = None
try:
    raise Err("x")
except Err as e:
    print("in handler:", sys.getrefcount(e))
    saved = e
print("saved after handler:", sys.getrefcount(saved))
payload = ["data"]
try:
    raise Err(payload)
except Err:
    print("payload in handler:", sys.getrefcount(payload))
print("payload after handler:", sys.getrefcount(payload))
