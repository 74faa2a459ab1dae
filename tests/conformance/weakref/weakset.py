# WeakSet drops members when they die
import weakref

class Member:
    pass

ws = weakref.WeakSet()
a = Member()
b = Member()
ws.add(a)
ws.add(b)
ws.add(a)
print(len(ws), a in ws)
del a
print(len(ws))
b = None
print(len(ws))
