import gc
gc.collect()
target = [1, 2]
holder = [target]
d = {"k": target}
refs = gc.get_referrers(target)
print("holder", any(r is holder for r in refs))
print("dict", any(r is d for r in refs))
print("globals", any(r is globals() for r in refs))
