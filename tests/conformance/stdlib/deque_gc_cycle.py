import gc
from collections import deque
gc.collect()
print("referents", gc.get_referents(deque([1, "a"])))
d = deque()
d.append(d)
del d
print("collected", gc.collect())
a = deque()
b = deque([a])
a.append(b)
del a, b
print("pair collected", gc.collect())
