# get_referrers finds containers holding the object
import gc
target = ["t"]
holder1 = [target]
holder2 = {"k": target}
refs = gc.get_referrers(target)
print(any(r is holder1 for r in refs), any(r is holder2 for r in refs))
class Box:
    pass
b = Box()
b.item = target
refs = gc.get_referrers(target)
print(any(r is b.__dict__ or r is b for r in refs))
