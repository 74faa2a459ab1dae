# gc.get_objects finds live instances of a class
import gc
class Marker:
    pass
gc.collect()
ms = [Marker() for _ in range(3)]
print(sum(1 for o in gc.get_objects() if type(o) is Marker))
del ms[0]
print(sum(1 for o in gc.get_objects() if type(o) is Marker))
ms.clear()
print(sum(1 for o in gc.get_objects() if type(o) is Marker))
