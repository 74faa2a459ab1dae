# the instance itself is the referrer of an inline attribute value
import gc

class Holder:
    pass

val = [5]
h = Holder()
h.val = val
refs = gc.get_referrers(val)
print(any(r is h for r in refs))
print(any(r is globals() for r in refs))
