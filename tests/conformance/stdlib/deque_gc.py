import gc, sys
from collections import deque
gc.collect()
print("tracked", gc.is_tracked(deque()), gc.is_tracked(deque([1])))
d = deque()
d.append(d)
print("self refs", sys.getrefcount(d))
