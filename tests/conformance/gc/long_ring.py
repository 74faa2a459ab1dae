# a ring of 10 lists
import gc

gc.collect()
first = [0]
cur = first
for i in range(1, 10):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
cur.append(first)
print(len(first), first[0], first[1][0])
del first, cur, nxt
print("collected:", gc.collect())
