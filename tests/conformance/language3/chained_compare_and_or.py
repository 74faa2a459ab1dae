x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 1 < 2 < 3 < 2)
print(0 or "", "" or [], [] or "default", 1 and 2, 0 and 1, None or 0 or 3)
print(not [], not [0], (1, 2) < (1, 3), [1, 2] < [1, 2, 0], "abc" < "abd")
def t(v):
    print("eval", v)
    return v
print(t(1) < t(2) < t(0) < t(5))
print(t(0) and t(1), t(2) or t(3))
