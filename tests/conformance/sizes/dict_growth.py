# A dict's keys table: the shared empty keys until the first insert, 8 slots, then growth to
# calculate_log2_keysize(3 * used) when the usable entries run out; str-only tables have 16-byte entries and
# the first non-str key converts them; deletions never shrink; clear() returns to the empty keys.
import sys


def growth(keys):
    d = {}
    sizes = [sys.getsizeof(d)]
    for k in keys:
        d[k] = None
        sizes.append(sys.getsizeof(d))
    return d, sizes


d, s = growth(range(100))
print("int keys", s)
d, s = growth("k%d" % i for i in range(100))
print("str keys", s)
d, s = growth([1.5, 2.5, 3.5, 4.5])
print("float keys", s)

d = {"a": 1}
print("str table", sys.getsizeof(d))
d[1] = 2
print("after an int key", sys.getsizeof(d))
d = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}
d[(1, 2)] = 3
print("tuple key into a full str table", sys.getsizeof(d))

d = {i: i for i in range(50)}
sizes = []
for i in range(50):
    del d[i]
    sizes.append(sys.getsizeof(d))
print("deleting", sizes)
for i in range(10):
    d[i] = i
print("reinserted", sys.getsizeof(d))
d.clear()
print("cleared", sys.getsizeof(d))
d["x"] = 1
print("after clear", sys.getsizeof(d))

d = {i: i for i in range(10)}
sizes = []
for i in range(40):
    del d[i]
    d[i + 10] = i
    sizes.append(sys.getsizeof(d))
print("churn", sizes)

d = {i: i for i in range(20)}
sizes = []
while d:
    d.popitem()
    sizes.append(sys.getsizeof(d))
print("popitem", sizes)
d = {str(i): i for i in range(20)}
for i in range(15):
    d.pop(str(i))
print("pop", sys.getsizeof(d))
d.setdefault("new", 1)
print("setdefault", sys.getsizeof(d))
