# A heap holds references to its items; popping hands them back; the list's capacity follows CPython's.
import heapq
import sys
import gc

payload = [object() for _ in range(5)]
base = [sys.getrefcount(p) for p in payload]
heap = []
for i, p in enumerate(payload):
    heapq.heappush(heap, (5 - i, i, p))
print([sys.getrefcount(p) - b for p, b in zip(payload, base)])
sizes = [sys.getsizeof(heap)]
top = heapq.heappop(heap)
sizes.append(sys.getsizeof(heap))
print(top[0], top[1], sizes)
del top
print([sys.getrefcount(p) - b for p, b in zip(payload, base)])
heap.clear()
print([sys.getrefcount(p) - b for p, b in zip(payload, base)])


class Node:
    def __init__(self, prio):
        self.prio = prio
        self.queue = None

    def __lt__(self, other):
        return self.prio < other.prio


gc.collect()
queue = []
for p in range(10):
    n = Node(p)
    n.queue = queue
    heapq.heappush(queue, n)
del n
del queue
print(gc.collect())
