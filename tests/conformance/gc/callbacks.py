# gc.callbacks receive ("start", info) and ("stop", info)
import gc

def cb(phase, info):
    print(phase, sorted(info), info["generation"], info["collected"], info["uncollectable"])

gc.collect()
gc.callbacks.append(cb)
a = []
b = [a]
a.append(b)
del a, b
print("result:", gc.collect())
print("result:", gc.collect())
gc.callbacks.remove(cb)
print("removed:", gc.collect())
print(len(gc.callbacks))
