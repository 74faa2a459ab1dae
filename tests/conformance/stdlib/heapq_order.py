# heapq compares exactly as CPython's _heapq: the same __lt__ calls in the same order, ties left as they fall.
import heapq


class Traced:
    log = []

    def __init__(self, v, tag):
        self.v, self.tag = v, tag

    def __lt__(self, other):
        Traced.log.append((self.tag, other.tag))
        return self.v < other.v

    def __repr__(self):
        return self.tag


items = [Traced(v, f"{v}{c}") for v, c in zip([3, 1, 3, 2, 1, 2, 3], "abcdefg")]
heap = list(items)
heapq.heapify(heap)
print(heap, len(Traced.log))
print(Traced.log)
Traced.log.clear()
print([heapq.heappop(heap) for _ in range(len(heap))])
print(len(Traced.log), Traced.log[:8])


class Bad:
    def __lt__(self, other):
        heap.clear()
        return True


heap = [Bad(), Bad(), Bad()]
try:
    heapq.heappush(heap, Bad())
except RuntimeError as e:
    print("RuntimeError", e)
try:
    heapq.heappop([1, "x"] + [2])
except TypeError as e:
    print("TypeError", e)
