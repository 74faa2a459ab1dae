# What random hands back are references to the population's own objects: counts rise with each pick.
import random
import sys

random.seed(1)
items = [object() for _ in range(4)]
before = [sys.getrefcount(o) for o in items]
picked = random.choices(items, k=10)
after = [sys.getrefcount(o) for o in items]
print([a - b for a, b in zip(after, before)] == [picked.count(o) for o in items])
one = random.choice(items)
print(sys.getrefcount(one) - before[items.index(one)], picked.count(one))
del picked, one
print([sys.getrefcount(o) for o in items] == before)
copy = random.sample(items, 4)
print(copy is items, sorted(map(id, copy)) == sorted(map(id, items)))
random.shuffle(items)
print([sys.getrefcount(o) for o in items] == [b + 1 for b in before] or [sys.getrefcount(o) for o in items])
