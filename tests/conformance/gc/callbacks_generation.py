# the info dict tells which generation was collected
import gc

seen = []

def cb(phase, info):
    seen.append((phase, info["generation"]))

gc.collect()
gc.callbacks.append(cb)
gc.collect(0)
gc.collect(1)
gc.collect(2)
gc.callbacks.remove(cb)
print(seen)
