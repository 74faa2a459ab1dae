# everything reachable only from a cycle is counted, acyclic parts included
import gc

class Leaf:
    pass

gc.collect()
a = []
b = [a]
a.append(b)
a.append([Leaf(), Leaf()])
a.append({"x": [1]})
del a, b
print("collected:", gc.collect())
