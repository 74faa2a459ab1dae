# 'except E as e' binds e only inside the handler
import sys

class MyError(Exception):
    pass

payload = [1, 2, 3]
print("payload:", sys.getrefcount(payload))
try:
    raise MyError(payload)
except MyError as e:
    print("payload in handler:", sys.getrefcount(payload))
    print("args[0] is payload:", e.args[0] is payload)
print("payload after:", sys.getrefcount(payload))
try:
    e
except NameError:
    print("e is unbound after the handler")
