import heapq, bisect, sys
h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 5]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(4)], h)
data = [9, 4, 7, 1, 8, 2, 2, 6, 0, 3, 5]
heapq.heapify(data); print(data)
print(heapq.heapreplace(data, 10), data, heapq.heappushpop(data, -1), heapq.heappushpop(data, 4), data)
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len), heapq.nlargest(10, range(3)))
tasks = []
heapq.heappush(tasks, (2, "write")); heapq.heappush(tasks, (1, "read")); heapq.heappush(tasks, (2, "exec"))
print([heapq.heappop(tasks) for _ in range(3)])
m = []; heapq._heapify_max(m)
class Cmp:
    n = 0
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        Cmp.n += 1
        return self.v < o.v
    def __repr__(self): return f"C{self.v}"
h = []
for v in [4, 1, 3, 2, 5, 0]:
    heapq.heappush(h, Cmp(v))
print(h, Cmp.n); heapq.heappop(h); print(h, Cmp.n)
for bad in [lambda: heapq.heappop([]), lambda: heapq.heappush((), 1), lambda: heapq.heapreplace([], 1), lambda: heapq.heappush([]), lambda: heapq.heapify([1, "a"])]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 2, 3, 5]
print(bisect.bisect(a, 2), bisect.bisect_left(a, 2), bisect.bisect_right(a, 2, 0, 3), bisect.bisect_left(a, 4, lo=2))
bisect.insort(a, 4); bisect.insort_left(a, 2); print(a)
recs = [("a", 1), ("b", 3), ("c", 5)]
print(bisect.bisect(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("z", 4), key=lambda r: r[1]); print(recs)
for bad in [lambda: bisect.bisect(a, 1, -1), lambda: bisect.bisect(a), lambda: bisect.bisect(a, 1, lo=1, foo=2), lambda: bisect.bisect(5, 1)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
x = object(); l = []
heapq.heappush(l, (1, x)); print(sys.getrefcount(x), sys.getsizeof(l))
for i in range(20): heapq.heappush(l, (i, x))
print(sys.getsizeof(l))
while l: heapq.heappop(l)
print(sys.getsizeof(l), sys.getrefcount(x))
print(bisect.bisect_left(range(0, 100, 5), 42), bisect.bisect("abcdef", "c"))
