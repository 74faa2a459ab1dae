import gc
gc.collect()
gc.freeze()
print("frozen >0", gc.get_freeze_count() > 0)
a = []
a.append(a)
del a
print("collected", gc.collect())
gc.unfreeze()
print("count after unfreeze", gc.get_freeze_count())
