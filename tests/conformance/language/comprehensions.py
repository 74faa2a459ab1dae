# list/dict/set comprehensions and nesting
sq = [x * x for x in range(6)]
ev = [x for x in range(10) if x % 2 == 0]
pairs = [(i, j) for i in range(3) for j in range(i)]
mat = [[i * 3 + j for j in range(3)] for i in range(3)]
flat = [v for row in mat for v in row if v % 2]
print(sq, ev, pairs)
print(mat, flat)
print({w: len(w) for w in ["a", "bb", "ccc"]})
print(sorted({c for c in "mississippi"}))
print([[row[i] for row in mat] for i in range(3)])
x = "outer"
print([x for x in range(3)], x)
