# gc.callbacks receive start/stop with collected and uncollectable counts
import gc
log = []
def cb(phase, info):
    log.append((phase, info["generation"], info.get("collected"), info.get("uncollectable")))
gc.collect()
gc.callbacks.append(cb)
a = []
a.append(a)
del a
gc.collect()
gc.callbacks.remove(cb)
for entry in log:
    print(entry)
print(sorted(log[0][0:1] + log[1][0:1]))
