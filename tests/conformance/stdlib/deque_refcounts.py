import sys
from collections import deque
class Item:
    pass
x = Item()
print("alone", sys.getrefcount(x))
d = deque()
d.append(x)
d.appendleft(x)
print("twice in deque", sys.getrefcount(x))
d.rotate(1)
print("after rotate", sys.getrefcount(x))
d.pop()
print("after pop", sys.getrefcount(x))
d.clear()
print("after clear", sys.getrefcount(x))
bounded = deque([x, x, x], maxlen=3)
print("bounded", sys.getrefcount(x))
bounded.append(Item())
print("one pushed out", sys.getrefcount(x))
copy = bounded.copy()
print("copy", sys.getrefcount(x))
del bounded, copy
print("deques gone", sys.getrefcount(x))
