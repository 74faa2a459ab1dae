import sys
from collections import deque
print("empty", sys.getsizeof(deque()))
print("from list", [sys.getsizeof(deque(range(n))) for n in (0, 1, 63, 64, 127, 128, 200)])
d = deque()
sizes = []
for i in range(140):
    d.append(i)
    sizes.append(sys.getsizeof(d))
print("appends", sorted(set(sizes)), sizes[31], sizes[32])
left = deque()
for i in range(100):
    left.appendleft(i)
print("appendleft", sys.getsizeof(left))
for i in range(90):
    left.popleft()
print("popleft", sys.getsizeof(left))
r = deque(range(60))
r.rotate(10)
print("rotate", sys.getsizeof(r))
r.rotate(-25)
print("rotate back", sys.getsizeof(r))
r.clear()
print("cleared", sys.getsizeof(r))
ext = deque()
ext.extendleft(range(70))
print("extendleft", sys.getsizeof(ext))
print("bounded", sys.getsizeof(deque(range(1000), maxlen=10)))
