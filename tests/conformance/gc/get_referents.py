# get_referents returns what an object directly refers to
import gc

a = [1]
b = [2]
outer = [a, b, a]
refs = gc.get_referents(outer)
print(len(refs), refs[0] is a, refs[1] is b, refs[2] is a)
d = {"k": a}
rd = gc.get_referents(d)
print(len(rd), any(r is a for r in rd), "k" in rd)
t = (a, b)
print(len(gc.get_referents(t)))
print(gc.get_referents(12345), gc.get_referents("s"))
print(len(gc.get_referents(a, b)))
