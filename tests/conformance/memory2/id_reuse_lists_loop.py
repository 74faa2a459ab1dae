# building and dropping the same kind of object reuses memory
ids = set()
for i in range(5):
    tmp = [i]
    ids.add(id(tmp))
    del tmp
print("distinct ids for dropped lists:", len(ids))
keep = []
ids2 = set()
for i in range(5):
    tmp = [i]
    ids2.add(id(tmp))
    keep.append(tmp)
print("distinct ids for kept lists:", len(ids2))
