# gc.collect() timed inside the interpreter (the whole-program times in compare.sh include the interpreter loop):
#   python3 bench/gc_collect_timed.py; target/release/refpy bench/gc_collect_timed.py
import gc
import time


class Node:
    def __init__(self, value):
        self.value = value
        self.other = None


N = 200000
gc.disable()
t0 = time.perf_counter()
for i in range(N):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
a = None
b = None
t1 = time.perf_counter()
n = gc.collect()
t2 = time.perf_counter()
gc.enable()
print("collected", n, "build ns/object", round((t1 - t0) * 1e9 / (2 * N), 1), "collect ns/object", round((t2 - t1) * 1e9 / (2 * N), 1))
