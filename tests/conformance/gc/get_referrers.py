# get_referrers finds the containers that hold an object
import gc

x = [1, 2]
holder = [x]
box = {"x": x}
refs = gc.get_referrers(x)
print(any(r is holder for r in refs))
print(any(r is box for r in refs))
print(any(r is globals() for r in refs))
lonely = [9]
print(len([r for r in gc.get_referrers(lonely) if r is not globals()]))
