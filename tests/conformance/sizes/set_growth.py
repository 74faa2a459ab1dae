# A set's table: 8 slots inside the object, resized to used*4 when fill reaches 3/5 of the mask; deleted keys
# leave dummies that count towards fill until a resize, and a later add that probes past one reuses it;
# clear() returns to the small table; set(s)/copy()/update(set) resize once for the other set first.
import sys


def growth(keys):
    s = set()
    sizes = [sys.getsizeof(s)]
    for k in keys:
        s.add(k)
        sizes.append(sys.getsizeof(s))
    return s, sizes


s, sizes = growth(range(100))
print("ints", sizes)
s, sizes = growth(range(0, 3200, 32))
print("colliding ints", sizes)
s, sizes = growth("k%d" % i for i in range(30))
print("strs", len(sizes), sizes[-1])

s = set(range(18))
print("18", sys.getsizeof(s))
s.remove(1)
s.add(33)
print("dummy reused", sys.getsizeof(s))
t = set(range(18))
t.remove(1)
t.add(100)
print("dummy not on the path", sys.getsizeof(t))

s = set(range(40))
sizes = []
for i in range(40):
    s.discard(i)
    sizes.append(sys.getsizeof(s))
print("discard", sizes)
for i in range(100, 140):
    s.add(i)
print("refill after discards", sys.getsizeof(s))
s.clear()
print("clear", sys.getsizeof(s))

s = set(range(8))
churn = []
for i in range(8, 60):
    s.discard(i - 8)
    s.add(i)
    churn.append(sys.getsizeof(s))
print("churn", churn)

for n in range(0, 30, 4):
    src = set(range(n))
    u = {-1}
    u.update(src)
    print(n, sys.getsizeof(src), sys.getsizeof(set(src)), sys.getsizeof(src.copy()), sys.getsizeof(frozenset(src)),
          sys.getsizeof(set(list(src))), sys.getsizeof(set(dict.fromkeys(src))), sys.getsizeof(u),
          sys.getsizeof({i for i in range(n)}))
