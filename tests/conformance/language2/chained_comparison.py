# chained comparisons evaluate middle operands once
def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
x = 5
print(1 < x <= 5, 1 < x < 5, x == 5 == 5.0, 0 < x != 5)
print(1 if 0 else 2 if 0 else 3)
print(None or 0 or "" or "last", 1 and [] and 3, [] or {}, 0 and 1/0)
