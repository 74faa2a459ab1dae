# int/str/float conversions and errors
print(int("  7  "), int("0b101", 0), int("0o17", 0), int("ff", 16), int("z", 36))
print(str(123), float("1e3"), int(float("12.0")), int(True), float(False))
for bad in ("abc", "1.5", ""):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    float("x")
except ValueError as e:
    print("ValueError:", e)
print(list("abc"), list((1, 2)), tuple({"a": 1}), set([2, 1, 2]) == {1, 2}, bool("False"))
