import sys
inner = [1, 2]
outer = [inner, inner]
c = outer[:]
print(sys.getrefcount(inner))
c2 = list(outer)
c3 = outer.copy()
print(sys.getrefcount(inner))
c[0].append(3)
print(outer, c3)
