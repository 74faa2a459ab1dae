# WeakSet shrinks as members die
import weakref
class M:
    def __init__(self, n):
        self.n = n
ws = weakref.WeakSet()
objs = [M(i) for i in range(5)]
for o in objs:
    ws.add(o)
del o
print(len(ws), objs[2] in ws)
del objs[:3]
print(len(ws))
print(sorted(m.n for m in ws))
objs.clear()
print(len(ws), list(ws))
