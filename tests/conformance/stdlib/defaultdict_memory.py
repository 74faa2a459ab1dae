import gc, sys
from collections import defaultdict
gc.collect()
d = defaultdict(list)
print("size empty", sys.getsizeof(defaultdict()), sys.getsizeof({}))
print("tracked", gc.is_tracked(d))
for i in range(6):
    d[i].append(i)
print("size six", sys.getsizeof(d))
made = d[100]
print("default value refs", sys.getrefcount(made))
d["self"] = d
del d, made
print("cycle collected", gc.collect())
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print("tree", list(t), list(t["a"]), t["a"]["b"]["c"])
del t
print("tree collected", gc.collect())
