# set members hold references; discarding releases them
import sys
k = (1, "runtime" + str(len("ab")))
print("k:", sys.getrefcount(k))
s = {k}
print("in set:", sys.getrefcount(k))
fs = frozenset(s)
print("and frozenset:", sys.getrefcount(k))
s.add(k)
print("add again:", sys.getrefcount(k))
s.discard(k)
print("discarded:", sys.getrefcount(k))
del fs
print("frozenset gone:", sys.getrefcount(k))
