# gc.get_count() after matches: the objects CPython's MATCH_CLASS, MATCH_KEYS and **rest allocate
# (and the free lists they leave) show in the generation-0 count.
import gc

class P:
    __match_args__ = ("x", "y")
    def __init__(self):
        self.x = 1
        self.y = [2]

class D(dict):
    pass

p = P()
d = {"a": [1], "b": 2}
sub = D(a=1, b=2)
gc.collect()
gc.disable()
counts = [gc.get_count()[0]]

def step():
    counts.append(gc.get_count()[0])

match p:
    case P(x, y): pass
step()
match d:
    case {"a": a, **rest}: pass
step()
match [1, 2, 3]:
    case [q, *r]: pass
step()
match p:
    case P(1, [3]): pass
    case P(1, [2]): pass
step()
match p:
    case P(missing=1): pass
    case P(x=1, y=[2, 3]): pass
    case _: pass
step()
match d:
    case {"z": _}: pass
    case {"a": [1], "b": 3}: pass
    case {"a": _, "b": _}: pass
step()
match sub:
    case {"a": 1, **others}: pass
step()
match 5:
    case int(n): pass
step()
match (1, (2, 3)):
    case (1, (2, z)) | (z, _): pass
step()
print([b - a for a, b in zip(counts, counts[1:])])
gc.enable()
