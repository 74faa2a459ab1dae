# invalid literals for int() and float()
for s in ["x", "1.5", "", " 12 3", "0x10"]:
    try:
        int(s)
    except ValueError as e:
        print(e)
try:
    float("abc")
except ValueError as e:
    print(e)
try:
    int("9", 8)
except ValueError as e:
    print(e)
int("forty-two")
