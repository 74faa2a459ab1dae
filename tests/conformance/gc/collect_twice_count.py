# the return value is the number of unreachable objects found
import gc

class X:
    pass

gc.collect()
objs = []
for i in range(5):
    x = X()
    x.loop = [x]
    objs.append(x)
print(gc.collect())
objs.clear()
del x
print(gc.collect())
print(gc.collect())
