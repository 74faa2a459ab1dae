# allocating many tracked objects triggers collections automatically
import gc

phases = []

def cb(phase, info):
    if phase == "start":
        phases.append(info["generation"])

gc.collect()
gc.set_threshold(50, 10, 10)
gc.callbacks.append(cb)
keep = []
for i in range(500):
    keep.append([i])
gc.callbacks.remove(cb)
print("automatic collections happened:", len(phases) > 0)
print("all generation 0 or 1:", all(g in (0, 1) for g in phases))
gc.set_threshold(700, 10, 10)
