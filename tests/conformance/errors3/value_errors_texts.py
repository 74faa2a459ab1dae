import math
def a_unpack():
    a, b = [1, 2, 3]

for f in (lambda: int("abc"), lambda: int("1.5"), lambda: float("x"), lambda: [1].index(5), lambda: "abc".index("z"), lambda: [].remove(1), lambda: a_unpack(), lambda: math.sqrt(-1), lambda: int("12", 50), lambda: chr(-1)):
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
