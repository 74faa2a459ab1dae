from itertools import product, permutations, combinations, combinations_with_replacement
print("product", list(product("ab", [1, 2])))
print("product repeat", list(product([0, 1], repeat=2)), list(product()), list(product("a", [])))
print("permutations", list(permutations("abc", 2)))
print("all", ["".join(p) for p in permutations("abc")], list(permutations("ab", 3)))
print("combinations", list(combinations(range(4), 2)), list(combinations("ab", 0)))
print("with replacement", list(combinations_with_replacement("abc", 2)))
print("counts", len(list(product(range(3), repeat=3))), len(list(permutations(range(5)))), len(list(combinations(range(10), 4))))
for f in [lambda: combinations("a", -1), lambda: permutations("a", -1), lambda: product("a", repeat=-1)]:
    try:
        f()
    except ValueError as e:
        print(type(e).__name__, e)
