# gc.get_stats collections count increases by one per collect of that generation
import gc
before = [s["collections"] for s in gc.get_stats()]
gc.collect(0)
gc.collect(1)
gc.collect(2)
gc.collect(2)
after = [s["collections"] for s in gc.get_stats()]
print([a - b for a, b in zip(after, before)])
print(sorted(gc.get_stats()[0].keys()))
