# an instance refers to its class and its attribute values
import gc

class P:
    pass

p = P()
v1 = [1]
v2 = [2]
p.x = v1
p.y = v2
refs = gc.get_referents(p)
print(any(r is P for r in refs))
print(any(r is v1 for r in refs), any(r is v2 for r in refs))
