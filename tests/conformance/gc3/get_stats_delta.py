import gc
gc.collect()
before = gc.get_stats()[2]["collections"]
gc.collect()
gc.collect()
after = gc.get_stats()[2]["collections"]
print("delta", after - before)
l = []; l.append(l); del l
b = gc.get_stats()[2]["collected"]
gc.collect()
print("collected delta", gc.get_stats()[2]["collected"] - b)
