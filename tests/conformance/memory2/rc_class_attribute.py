# objects stored on classes and instances
import sys
payload = ["p"]
class Holder:
    shared = payload
print("class attr:", sys.getrefcount(payload))
h = Holder()
print("instance sees it, no new ref:", sys.getrefcount(payload), h.shared is payload)
h.own = payload
print("instance attr:", sys.getrefcount(payload))
Holder.shared = None
print("class attr reset:", sys.getrefcount(payload))
del h
print("instance gone:", sys.getrefcount(payload))
