# if/elif/else, conditional expressions, truthiness, chained comparisons, boolean operators
def sign(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    else:
        return "pos"

print([sign(v) for v in (-2, 0, 5)])
print([bool(v) for v in (0, 0.0, "", [], {}, set(), None, 1, "0", [0])])
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2, "yes" if [] else "no")
print(0 or "default", 5 and "second", None and 1, "" or 0 or [], not 0, not "x")
x = 7
print("small" if x < 5 else "medium" if x < 10 else "large")
