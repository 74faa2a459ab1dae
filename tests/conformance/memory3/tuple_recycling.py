# enumerate, zip and dict item iterators recycle their result tuple when the loop dropped the last one:
# the current items carry one more reference than a fresh tuple would give them.
import sys
payload = [object() for _ in range(3)]
for i, p in enumerate(payload):
    print(sys.getrefcount(p), end=" ")
print()
for p, q in zip(payload, payload):
    print(sys.getrefcount(p), end=" ")
print()
d = {"a": payload[0], "b": payload[1]}
for k, v in d.items():
    print(sys.getrefcount(v), end=" ")
print()
for t in zip(payload, payload):
    print(sys.getrefcount(t), sys.getrefcount(t[0]), end=" ")
print()
for t in enumerate(payload):
    print(sys.getrefcount(t), end=" ")
print()
it = enumerate(payload)
a = next(it); b = next(it)
print(a is b, sys.getrefcount(payload[0]))
del a
c = next(it)
print(sys.getrefcount(payload[0]), sys.getrefcount(payload[1]), sys.getrefcount(payload[2]))
