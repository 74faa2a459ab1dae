import gc
gc.collect()
events = []
def cb(phase, info):
    if phase == "stop":
        events.append(info["generation"])
gc.set_threshold(50, 1000, 1000)
gc.callbacks.append(cb)
keep = []
for i in range(500):
    keep.append([i])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("auto collections happened", len(events) > 0)
print("all gen0", set(events) == {0})
