import gc
gc.collect()
seen = []
def cb(phase, info):
    seen.append((phase, sorted(info.keys()), info["generation"]))
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
for s in seen:
    print(s)
