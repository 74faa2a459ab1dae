# sys.exc_info references the exception while handling
import sys
class E(Exception):
    pass
try:
    raise E("x")
except E as err:
    info = sys.exc_info()
    print("type matches:", info[0] is E, info[1] is err)
    print("refs inside:", sys.getrefcount(err))
print("after handler (info keeps it):", sys.getrefcount(info[1]))
print("no current exception:", sys.exc_info())
del info
