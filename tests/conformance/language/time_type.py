# time.perf_counter returns a float that does not go backwards
import time

t1 = time.perf_counter()
total = sum(range(1000))
t2 = time.perf_counter()
print(type(t1).__name__, type(t2).__name__, t2 >= t1, total)
print(type(time.time()).__name__, type(time.monotonic()).__name__)
